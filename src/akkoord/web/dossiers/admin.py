from django.contrib import admin

from akkoord.web.dossiers.models import AuditEvent, Dossier, DossierVersion


class VersionInline(admin.TabularInline):
    model = DossierVersion
    fields = ("number", "status", "reader", "source_name", "uploaded_by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = ("slug", "municipality", "title", "created_at")
    inlines = [VersionInline]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "username", "action", "description")
    list_filter = ("action",)
    readonly_fields = ("created_at", "user", "username", "action", "dossier", "version", "description", "details")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
