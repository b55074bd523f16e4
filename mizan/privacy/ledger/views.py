"""The public ledger page: what the ledger is, the latest signed checkpoint, and a reference check."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mizan.common.errors import DomainError
from mizan.common.formatting import moment, number
from mizan.privacy.ledger import selectors
from mizan.privacy.ledger.forms import ReferenceForm


def index(request: HttpRequest) -> HttpResponse:
    checkpoint = selectors.checkpoint_newest()
    bound = bool({"entry", "code"} & request.GET.keys())
    form = ReferenceForm(request.GET if bound else None)
    result = None
    status = 200
    if bound:
        if form.is_valid():
            try:
                result = selectors.reference_check(form.cleaned_data["entry"], form.cleaned_data["code"])
            except DomainError as error:
                form.add_error("code", str(error.message))
        if form.errors:
            status = 400
    context = {
        "checkpoint": checkpoint,
        "checkpoint_size": number(checkpoint.tree_size) if checkpoint else "",
        "checkpoint_time": moment(checkpoint.created_at) if checkpoint else "",
        "signature_valid": selectors.checkpoint_signature_valid(checkpoint) if checkpoint else False,
        "form": form,
        "result": result,
        "result_entry": number(result.seq) if result else "",
    }
    return render(request, "ledger/index.html", context, status=status)
