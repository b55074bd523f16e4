"""People acting for organisations: email and password, then a TOTP code (or a backup code)."""

from __future__ import annotations

import base64
import secrets

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts import services, throttles
from mizan.accounts.forms import StaffSignInForm, TokenForm
from mizan.accounts.views.common import (
    add_domain_error,
    current_user,
    pop_next,
    remember_next,
    sign_in,
    with_retry_after,
)
from mizan.common.errors import DomainError
from mizan.common.http import client_ip

BACKUP_CODES = 10


@require_http_methods(["GET", "POST"])
def staff_sign_in(request: HttpRequest) -> HttpResponse:
    remember_next(request)
    form = StaffSignInForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                user = services.staff_authenticate(
                    email=form.cleaned_data["email"],
                    password=form.cleaned_data["password"],
                    ip=client_ip(request),
                )
            except DomainError as error:
                status = add_domain_error(form, error)
                response = render(request, "accounts/staff_sign_in.html", {"form": form}, status=status)
                return with_retry_after(response, error)
            sign_in(request, user)
            return redirect("accounts:staff_verify")
        return render(request, "accounts/staff_sign_in.html", {"form": form}, status=400)
    return render(request, "accounts/staff_sign_in.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def staff_verify(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:staff_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                throttles.check("sign_in_account", str(user.pk))
                device = match_token(user, form.cleaned_data["token"].replace(" ", ""))
                if device is None:
                    throttles.hit("sign_in_account", str(user.pk))
                    raise DomainError(_("This code is not right. Please try again."))
            except DomainError as error:
                status = add_domain_error(form, error, "token")
                response = render(request, "accounts/staff_verify.html", {"form": form}, status=status)
                return with_retry_after(response, error)
            throttles.clear("sign_in_account", str(user.pk))
            otp_login(request, device)
            return redirect(pop_next(request, reverse("accounts:account")))
        return render(request, "accounts/staff_verify.html", {"form": form}, status=400)
    return render(request, "accounts/staff_verify.html", {"form": form})


def _qr_data_uri(url: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@login_required
@require_http_methods(["GET", "POST"])
def staff_setup(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:staff_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "Mizan"}
    )
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return render(request, "accounts/backup_codes.html", {"codes": _new_backup_codes(user)})
        form.add_error("token", _("This code is not right. Check the time on your phone and try again."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "qr": _qr_data_uri(device.config_url), "secret": secret}
    return render(request, "accounts/staff_setup.html", context, status=status)


def _new_backup_codes(user: object) -> list[str]:
    static, _created = StaticDevice.objects.get_or_create(user=user, name="backup")
    static.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=code) for code in codes])
    return codes


@login_required
@require_http_methods(["POST"])
def staff_backup_codes(request: HttpRequest) -> HttpResponse:
    """Make a fresh set of backup codes (the old ones stop working)."""
    user = current_user(request)
    if not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:staff_verify")
    messages.info(request, _("Your old backup codes no longer work."))
    return render(request, "accounts/backup_codes.html", {"codes": _new_backup_codes(user)})
