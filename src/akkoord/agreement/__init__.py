"""The coalition agreement: pure core (no Django). See ``model`` for the data, ``build`` to
draft it from decisions, ``checks`` for vague afspraken, ``finance``, ``redline`` and
``exports``."""
from akkoord.agreement.model import Agreement, AgreementFormatError, agreement_from_json

__all__ = ["Agreement", "AgreementFormatError", "agreement_from_json"]
