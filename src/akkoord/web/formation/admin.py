"""Beheer: formations, parties and who takes part. Positions are not shown here: who sees a
position is decided by its delegation (access.py), not by staff status."""
from django.contrib import admin

from akkoord.web.formation.models import Formation, Membership, Party


class PartyInline(admin.TabularInline):
    model = Party
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Formation)
class FormationAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "election_year", "phase")
    readonly_fields = ("dossier", "version", "dossier_slug", "version_number")
    inlines = [PartyInline, MembershipInline]
