"""The signed-in person's own page: who they are signed in as, PIN, sessions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mizan.accounts import selectors, services
from mizan.accounts.views.common import DEVICE_COOKIE, current_user


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    context = {
        "memberships": selectors.memberships_of(actor=user),
        "trusted_devices": selectors.trusted_devices_of(actor=user),
    }
    return render(request, "accounts/account.html", context)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("You are signed out."))
    return redirect("web:home")


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    services.user_sign_out_everywhere(actor=current_user(request))
    logout(request)
    messages.success(request, _("You are signed out on every phone and computer."))
    response = redirect("web:home")
    response.delete_cookie(DEVICE_COOKIE)
    return response
