"""Workers: sign in (or register) with a phone number and a code, then optionally a PIN."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mizan.accounts import services
from mizan.accounts.forms import CodeForm, PhoneForm, PinSetForm, PinSignInForm
from mizan.accounts.views.common import (
    DEVICE_COOKIE,
    SESSION_PHONE,
    add_domain_error,
    current_user,
    pop_next,
    remember_next,
    sign_in,
    with_retry_after,
)
from mizan.common.errors import DomainError
from mizan.common.http import client_ip


@require_http_methods(["GET", "POST"])
def phone_sign_in(request: HttpRequest) -> HttpResponse:
    remember_next(request)
    form = PhoneForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            phone = services.code_request(
                phone=form.cleaned_data["phone"],
                region=form.cleaned_data["region"],
                ip=client_ip(request),
                language=get_language() or "en",
            )
        except DomainError as error:
            status = add_domain_error(form, error, "phone")
            response = render(request, "accounts/sign_in.html", {"form": form}, status=status)
            return with_retry_after(response, error)
        request.session[SESSION_PHONE] = phone
        return redirect("accounts:code")
    if request.method == "POST":
        status = 400
    has_pin_device = services.trusted_phone(request.COOKIES.get(DEVICE_COOKIE)) is not None
    return render(
        request, "accounts/sign_in.html", {"form": form, "has_pin_device": has_pin_device}, status=status
    )


@require_http_methods(["GET", "POST"])
def enter_code(request: HttpRequest) -> HttpResponse:
    phone = request.session.get(SESSION_PHONE)
    if not phone:
        messages.info(request, _("Please type your phone number first."))
        return redirect("accounts:sign_in")
    form = CodeForm(request.POST or None)
    context = {"form": form, "masked_phone": f"{phone[:4]}•••{phone[-3:]}"}
    if request.method == "POST":
        if form.is_valid():
            try:
                user = services.code_verify(
                    phone=phone,
                    code=form.cleaned_data["code"],
                    ip=client_ip(request),
                    language=get_language() or "en",
                )
            except DomainError as error:
                status = add_domain_error(form, error, "code")
                return with_retry_after(render(request, "accounts/code.html", context, status=status), error)
            request.session.pop(SESSION_PHONE, None)
            sign_in(request, user)
            if not user.has_pin:
                return redirect("accounts:pin_setup")
            return redirect(pop_next(request, reverse("accounts:account")))
        return render(request, "accounts/code.html", context, status=400)
    return render(request, "accounts/code.html", context)


def _device_cookie(response: HttpResponse, token: str) -> None:
    response.set_cookie(
        DEVICE_COOKIE,
        token,
        max_age=365 * 86400,
        httponly=True,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )


@login_required
@require_http_methods(["GET", "POST"])
def pin_setup(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = PinSetForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                token = services.pin_set(
                    actor=user,
                    pin=form.cleaned_data["pin"],
                    pin_again=form.cleaned_data["pin_again"],
                    device_label=request.headers.get("User-Agent", "")[:120],
                )
            except DomainError as error:
                status = add_domain_error(form, error, "pin")
                return render(request, "accounts/pin_setup.html", {"form": form}, status=status)
            messages.success(request, _("Your PIN is set. Next time, sign in on this phone with your PIN."))
            response = redirect(pop_next(request, reverse("accounts:account")))
            _device_cookie(response, token)
            return response
        return render(request, "accounts/pin_setup.html", {"form": form}, status=400)
    return render(request, "accounts/pin_setup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def pin_sign_in(request: HttpRequest) -> HttpResponse:
    remember_next(request)
    device_token = request.COOKIES.get(DEVICE_COOKIE)
    known_phone = services.trusted_phone(device_token)
    if known_phone is None:
        messages.info(request, _("PIN sign-in works only on a phone where you set a PIN. Please use a code."))
        return redirect("accounts:sign_in")
    form = PinSignInForm(request.POST or None, initial={"phone": known_phone})
    if request.method == "POST":
        if form.is_valid():
            try:
                user = services.pin_sign_in(
                    phone=form.cleaned_data["phone"],
                    region=form.cleaned_data["region"],
                    pin=form.cleaned_data["pin"],
                    device_token=device_token,
                    ip=client_ip(request),
                )
            except DomainError as error:
                status = add_domain_error(form, error, "pin")
                response = render(request, "accounts/pin_sign_in.html", {"form": form}, status=status)
                return with_retry_after(response, error)
            sign_in(request, user)
            return redirect(pop_next(request, reverse("accounts:account")))
        return render(request, "accounts/pin_sign_in.html", {"form": form}, status=400)
    return render(request, "accounts/pin_sign_in.html", {"form": form})
