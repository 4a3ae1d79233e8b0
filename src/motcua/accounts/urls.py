from django.urls import include, path

from motcua.accounts import views, views_second_factor

app_name = "accounts"

# The one sign-in page for everyone (officers and citizens) and the sign-out, under Django's own names ``login`` and
# ``logout`` (``LOGIN_URL``): the project's urls include them outside the ``accounts`` namespace.
sign_in_patterns = [
    path("dang-nhap/", views.sign_in, name="login"),
    path("dang-xuat/", views.sign_out, name="logout"),
]

urlpatterns = [
    path("tai-khoan/dang-ky/", views.sign_up, name="sign-up"),
    path("tai-khoan/dang-ky/da-gui/", views.sign_up_done, name="sign-up-done"),
    path("tai-khoan/xac-nhan/<str:token>/", views.verify_email, name="verify-email"),
    path("tai-khoan/gui-lai-xac-nhan/", views.resend_verification, name="resend-verification"),
    path("tai-khoan/quen-mat-khau/", views.password_reset, name="password-reset"),
    path("tai-khoan/quen-mat-khau/da-gui/", views.password_reset_done, name="password-reset-done"),
    path(
        "tai-khoan/dat-lai-mat-khau/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path("tai-khoan/dat-lai-mat-khau/xong/", views.password_reset_complete, name="password-reset-complete"),
    path("tai-khoan/ca-nhan/", views.profile, name="profile"),
    path("tai-khoan/ca-nhan/thong-bao/", views.message_channels, name="message-channels"),
    path("tai-khoan/ca-nhan/doi-mat-khau/", views.password_change, name="password-change"),
    path("dang-nhap/ma-xac-thuc/", views_second_factor.verify, name="second-factor"),
    path("dang-nhap/cai-dat-xac-thuc/", views_second_factor.enrol, name="second-factor-enrol"),
    path("dang-nhap/ma-du-phong/", views_second_factor.recovery, name="second-factor-recovery"),
    path("tai-khoan/xac-thuc-hai-buoc/", views_second_factor.settings_page, name="second-factor-settings"),
    path(
        "tai-khoan/xac-thuc-hai-buoc/ma-moi/", views_second_factor.new_codes, name="second-factor-new-codes"
    ),
    path("tai-khoan/xac-thuc-hai-buoc/tat/", views_second_factor.turn_off, name="second-factor-off"),
    path("dang-nhap/vneid/", views.oidc_start, name="oidc-start"),
    path("dang-nhap/vneid/callback/", views.oidc_callback, name="oidc-callback"),
    path("mock-vneid/", include("motcua.accounts.mock_idp.urls")),
]
