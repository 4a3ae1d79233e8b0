"""Internal processes become their own versioned records (approved by a decision, per level): the steps a procedure
version carried move into one process of that version, approved as the version was."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


ONE_STOP = {"ttpvhcc_tinh", "ttpvhcc_xa", "diem_tiep_nhan", "bp_mot_cua_huyen", "bp_mot_cua_xa"}


def _performer(unit_kind: str) -> str:
    if unit_kind in ONE_STOP:
        return "receiving"
    if unit_kind == "phong_chuyen_mon":
        return "division"
    if unit_kind in {"ubnd_xa"}:
        return "commune"
    return "competent"


def steps_into_processes(apps, schema_editor):
    ProcessStep = apps.get_model("catalog", "ProcessStep")
    InternalProcess = apps.get_model("catalog", "InternalProcess")
    made = {}
    for step in ProcessStep.objects.select_related("version").order_by("version_id", "order"):
        version = step.version
        process = made.get(version.pk)
        if process is None:
            published = version.state == "published"
            process = made[version.pk] = InternalProcess.objects.create(
                version=version,
                level="",
                number=1,
                state=version.state,
                valid_from=version.valid_from if published else None,
                valid_to=version.valid_to if published else None,
                decision_number=version.decision_number,
                decision_date=version.decision_date,
                published_at=version.published_at,
            )
        step.process = process
        step.performer = _performer(step.unit_kind)
        step.save(update_fields=["process", "performer"])


def processes_into_steps(apps, schema_editor):
    ProcessStep = apps.get_model("catalog", "ProcessStep")
    for step in ProcessStep.objects.select_related("process"):
        step.version_id = step.process.version_id
        step.save(update_fields=["version"])


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0003_supplement_clock'),
        ('org', '0004_roleassignment_wide_roles_only'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='InternalProcess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('level', models.CharField(blank=True, choices=[('', 'Mọi cấp'), ('province', 'Cấp tỉnh'), ('commune', 'Cấp xã')], default='', max_length=16, verbose_name='cấp thực hiện')),
                ('number', models.PositiveIntegerField(verbose_name='phiên bản quy trình')),
                ('state', models.CharField(choices=[('draft', 'Dự thảo'), ('published', 'Đã công bố'), ('superseded', 'Bị thay thế trước khi có hiệu lực')], default='draft', max_length=16, verbose_name='trạng thái')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='hiệu lực từ ngày')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='hiệu lực đến hết ngày')),
                ('decision_number', models.CharField(blank=True, max_length=100, verbose_name='số quyết định phê duyệt')),
                ('decision_date', models.DateField(blank=True, null=True, verbose_name='ngày quyết định phê duyệt')),
                ('decision_signer', models.CharField(blank=True, max_length=200, verbose_name='người ký quyết định')),
                ('code', models.CharField(blank=True, help_text='Mã trong hệ thống ISO, ví dụ QT-STP-01.', max_length=64, verbose_name='mã hiệu quy trình')),
                ('note', models.TextField(blank=True, verbose_name='ghi chú')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='ngày tạo')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='ngày công bố trên hệ thống')),
            ],
            options={
                'verbose_name': 'quy trình nội bộ',
                'verbose_name_plural': 'quy trình nội bộ',
                'ordering': ['version', 'level', '-number'],
            },
        ),
        migrations.AlterModelOptions(
            name='processstep',
            options={'ordering': ['process', 'order'], 'verbose_name': 'bước quy trình nội bộ', 'verbose_name_plural': 'bước quy trình nội bộ'},
        ),
        migrations.AddField(
            model_name='processstep',
            name='needs_signature',
            field=models.BooleanField(default=False, verbose_name='ký duyệt kết quả'),
        ),
        migrations.AddField(
            model_name='processstep',
            name='output',
            field=models.CharField(blank=True, max_length=500, verbose_name='kết quả, biểu mẫu của bước'),
        ),
        migrations.AddField(
            model_name='processstep',
            name='performer',
            field=models.CharField(choices=[('receiving', 'Bộ phận một cửa tiếp nhận hồ sơ'), ('competent', 'Cơ quan có thẩm quyền giải quyết'), ('division', 'Phòng chuyên môn của cơ quan giải quyết'), ('leader', 'Lãnh đạo cơ quan giải quyết'), ('partner', 'Cơ quan phối hợp (liên thông)'), ('commune', 'Ủy ban nhân dân cấp xã')], default='competent', max_length=16, verbose_name='đơn vị thực hiện'),
        ),
        migrations.AddField(
            model_name='processstep',
            name='send_back_to',
            field=models.JSONField(blank=True, default=list, help_text='Số thứ tự các bước trước mà bước này được trả lại; để trống là bước liền trước.', verbose_name='được trả lại về bước'),
        ),
        migrations.AddField(
            model_name='processstep',
            name='unit',
            field=models.ForeignKey(blank=True, help_text='Bắt buộc với cơ quan phối hợp; với phòng chuyên môn, để trống thì chọn theo phân công thủ tục.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='org.agency', verbose_name='đơn vị cụ thể'),
        ),
        migrations.AddField(
            model_name='internalprocess',
            name='created_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người tạo'),
        ),
        migrations.AddField(
            model_name='internalprocess',
            name='published_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người công bố'),
        ),
        migrations.AddField(
            model_name='internalprocess',
            name='version',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='processes', to='catalog.procedureversion', verbose_name='phiên bản thủ tục'),
        ),
        migrations.AddField(
            model_name='processstep',
            name='process',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='catalog.internalprocess'),
        ),
        migrations.RunPython(steps_into_processes, processes_into_steps),
        migrations.RemoveConstraint(
            model_name='processstep',
            name='process_step_order_unique',
        ),
        migrations.RemoveField(
            model_name='processstep',
            name='unit_kind',
        ),
        migrations.RemoveField(
            model_name='processstep',
            name='version',
        ),
        migrations.AlterField(
            model_name='processstep',
            name='process',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='catalog.internalprocess'),
        ),
        migrations.AddConstraint(
            model_name='processstep',
            constraint=models.UniqueConstraint(fields=('process', 'order'), name='process_step_order_unique'),
        ),
        migrations.AddIndex(
            model_name='internalprocess',
            index=models.Index(fields=['version', 'state', 'valid_from'], name='internal_process_on'),
        ),
        migrations.AddConstraint(
            model_name='internalprocess',
            constraint=models.UniqueConstraint(fields=('version', 'level', 'number'), name='internal_process_number_unique'),
        ),
    ]
