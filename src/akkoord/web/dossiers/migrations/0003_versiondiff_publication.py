"""Diffs per (version, base) instead of one stored diff per version, and publication copies."""
import django.db.models.deletion
from django.db import migrations, models


def move_diffs(apps, schema_editor):
    Version = apps.get_model("dossiers", "DossierVersion")
    VersionDiff = apps.get_model("dossiers", "VersionDiff")
    for version in Version.objects.exclude(diff={}).iterator():
        previous = version.diff.get("previous")
        base = Version.objects.filter(dossier_id=version.dossier_id, number=previous).first() if previous else None
        if base is not None:
            VersionDiff.objects.get_or_create(version=version, base=base, defaults={"data": version.diff})


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0002_derived_data")]

    operations = [
        migrations.CreateModel(
            name="VersionDiff",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("data", models.JSONField(default=dict)),
                ("base", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                           to="dossiers.dossierversion")),
                ("version", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="diffs",
                                              to="dossiers.dossierversion")),
            ],
            options={"verbose_name": "versieverschil", "verbose_name_plural": "versieverschillen"},
        ),
        migrations.AddConstraint(
            model_name="versiondiff",
            constraint=models.UniqueConstraint(fields=("version", "base"), name="unique_version_diff"),
        ),
        migrations.RunPython(move_diffs, migrations.RunPython.noop),
        migrations.RemoveField(model_name="dossierversion", name="diff"),
        migrations.AddField(
            model_name="dossierversion",
            name="published_from",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="publications", to="dossiers.dossierversion",
                                    verbose_name="publicatiekopie van"),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.CharField(choices=[("ingest", "ingelezen"), ("status", "status gewijzigd"),
                                            ("publish", "openbaar gemaakt"),
                                            ("override", "blokkerende bevinding overschreven"),
                                            ("login-failed", "mislukte aanmelding")],
                                   max_length=20, verbose_name="handeling"),
        ),
    ]
