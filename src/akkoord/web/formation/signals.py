"""When a newer version of a formation's dossier is released, its points follow it."""
from __future__ import annotations

import logging

from django.db.models.signals import post_save
from django.dispatch import receiver

from akkoord.web.dossiers.models import DossierVersion

log = logging.getLogger(__name__)


@receiver(post_save, sender=DossierVersion, dispatch_uid="akkoord-formation-follow-version")
def follow_released_version(sender, instance: DossierVersion, raw=False, **kwargs):
    if raw or instance.status not in (DossierVersion.Status.RELEASED, DossierVersion.Status.PUBLIC):
        return
    from akkoord.web.formation.models import Formation
    from akkoord.web.formation.services import follow_version

    for formation in Formation.objects.filter(dossier_id=instance.dossier_id, version_number__lt=instance.number):
        stats = follow_version(formation, instance)
        log.info("formatie %s volgt versie %s: %s", formation.slug, instance.number, stats)
