from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from mizan.accounts.views import account, phone, staff

app_name = "accounts"

urlpatterns = [
    path("sign-in/", phone.phone_sign_in, name="sign_in"),
    path("code/", phone.enter_code, name="code"),
    path("pin/", phone.pin_sign_in, name="pin_sign_in"),
    path("pin/set/", phone.pin_setup, name="pin_setup"),
    path("staff/sign-in/", staff.staff_sign_in, name="staff_sign_in"),
    path("staff/verify/", staff.staff_verify, name="staff_verify"),
    path("staff/two-factor/", staff.staff_setup, name="staff_setup"),
    path("staff/backup-codes/", staff.staff_backup_codes, name="staff_backup_codes"),
    path("", account.account, name="account"),
    path("sign-out/", account.sign_out, name="sign_out"),
    path("sign-out-everywhere/", account.sign_out_everywhere, name="sign_out_everywhere"),
    # Staff account recovery by email; the second factor is still asked after a reset.
    path(
        "staff/recover/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/recover.html",
            email_template_name="accounts/recover_email.txt",
            subject_template_name="accounts/recover_subject.txt",
            success_url=reverse_lazy("accounts:recover_sent"),
        ),
        name="recover",
    ),
    path(
        "staff/recover/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/recover_sent.html"),
        name="recover_sent",
    ),
    path(
        "staff/recover/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/recover_set.html", success_url=reverse_lazy("accounts:recover_done")
        ),
        name="recover_set",
    ),
    path(
        "staff/recover/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/recover_done.html"),
        name="recover_done",
    ),
]
