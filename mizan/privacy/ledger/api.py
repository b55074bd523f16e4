"""The ledger's public API under /api/v1/ledger: checkpoints, proofs and the public key.

No authentication: as in Certificate Transparency, anyone may fetch and check these, and they carry only
hashes, sizes and signatures, never an entry's content.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Path, Query, Router

from mizan.api.problems import problems
from mizan.privacy.ledger import selectors
from mizan.privacy.ledger.schemas import CheckpointOut, ConsistencyProofOut, InclusionProofOut, PublicKeyOut

router = Router(tags=["ledger"])

MAX = 2**63 - 1  # the largest number the database stores
Size = Annotated[int, Path(ge=1, le=MAX, description="A checkpoint's tree size.")]


@router.get(
    "/checkpoints/latest", response={200: CheckpointOut, **problems(404)}, url_name="ledger_checkpoint_latest"
)
def checkpoint_latest(request: HttpRequest) -> dict[str, Any]:
    """The newest signed checkpoint. 404 ``no_checkpoint`` before the first one is signed."""
    return selectors.checkpoint_document(selectors.checkpoint_latest()).to_json()


@router.get(
    "/checkpoints/{tree_size}",
    response={200: CheckpointOut, **problems(404, 422)},
    url_name="ledger_checkpoint",
)
def checkpoint_by_size(request: HttpRequest, tree_size: Size) -> dict[str, Any]:
    """The checkpoint of ``tree_size`` entries. 404 ``no_such_checkpoint`` if none was signed at that size."""
    return selectors.checkpoint_document(selectors.checkpoint_get(tree_size)).to_json()


@router.get(
    "/checkpoints/{tree_size}/consistency",
    response={200: ConsistencyProofOut, **problems(400, 404, 422)},
    url_name="ledger_consistency",
)
def consistency(
    request: HttpRequest,
    tree_size: Size,
    first: Annotated[int, Query(ge=1, le=MAX, description="The older checkpoint's tree size.")],
) -> dict[str, Any]:
    """Proof (RFC 6962 §2.1.2) that checkpoint ``tree_size`` extends checkpoint ``first`` unchanged.
    400 ``bad_range`` when ``first`` is larger; 404 ``no_such_checkpoint``."""
    return selectors.consistency_proof(first, tree_size).to_json()


@router.get(
    "/entries/{seq}/proof",
    response={200: InclusionProofOut, **problems(404, 422)},
    url_name="ledger_inclusion",
)
def inclusion(
    request: HttpRequest,
    seq: Annotated[int, Path(ge=1, le=MAX, description="The entry's number.")],
    checkpoint: Annotated[
        int | None, Query(ge=1, le=MAX, description="A checkpoint's tree size; default: the latest.")
    ] = None,
) -> dict[str, Any]:
    """Audit path (RFC 6962 §2.1.1) showing entry ``seq`` is in a signed checkpoint; only hashes.
    404 ``no_such_entry``, ``no_checkpoint``, ``no_such_checkpoint`` or ``not_in_checkpoint``."""
    return selectors.inclusion_proof(seq, checkpoint).to_json()


@router.get("/public-key", response={200: PublicKeyOut, **problems()}, url_name="ledger_public_key")
def public_key(request: HttpRequest) -> dict[str, Any]:
    """The Ed25519 key that signs checkpoints, and the keys used before a rotation."""
    return selectors.public_key_document()
