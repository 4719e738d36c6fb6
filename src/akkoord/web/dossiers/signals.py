"""Failed sign-ins go into the audit trail (the user name tried, never the password)."""
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver


@receiver(user_login_failed, dispatch_uid="akkoord-login-failed")
def record_failed_login(sender, credentials, request=None, **kwargs):
    from akkoord.web.dossiers.models import AuditEvent

    username = str(credentials.get("username", ""))[:150]
    AuditEvent.objects.create(action=AuditEvent.Action.LOGIN_FAILED, username=username,
                              description=f"mislukte aanmelding als '{username}'")
