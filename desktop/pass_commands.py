"""`gatedesk passes …`: issue, revoke, reissue, verify, list and print paper passes."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from db.enums import PassKind, RevocationReason

MAX_DAYS = 366


def add_parsers(sub: argparse._SubParsersAction) -> None:
    passes = sub.add_parser(
        "passes", help="paper passes (纸质出入证): issue, revoke, verify, list, print"
    )
    what = passes.add_subparsers(dest="passes_command", metavar="ACTION", required=True)
    issue = what.add_parser("issue", help="issue passes to residents or a batch of them")
    who = issue.add_mutually_exclusive_group(required=True)
    who.add_argument("--resident", type=int, action="append", help="resident id (repeatable)")
    who.add_argument("--building", help="every active resident of building B (with filters)")
    who.add_argument("--household", type=int, help="every active resident of household H")
    issue.add_argument("--unit", default=None, help="with --building: only this unit")
    issue.add_argument("--min-age", type=int, default=None, help="with --building: aged N+")
    issue.add_argument("--without-phone", action="store_true", help="with --building")
    issue.add_argument(
        "--kind", choices=[k.value for k in PassKind], default=PassKind.RESIDENT.value
    )
    issue.add_argument("--days", type=int, default=30, help="valid for N days from today")
    issue.add_argument("--json", action="store_true", help="print JSON")
    revoke = what.add_parser("revoke", help="revoke a pass (it stops opening the gate at once)")
    revoke.add_argument("serial", type=int)
    revoke.add_argument("--reason", required=True, choices=[r.value for r in RevocationReason])
    revoke.add_argument("--note", default="")
    reissue = what.add_parser("reissue", help="a new pass for a lost one (revokes the old)")
    reissue.add_argument("serial", type=int)
    verify = what.add_parser("verify", help="verify the text of a pass (GD1:…)")
    verify.add_argument("text")
    listing = what.add_parser("list", help="issued passes")
    listing.add_argument("--all", action="store_true", help="also revoked ones")
    listing.add_argument("--json", action="store_true", help="print JSON")
    what.add_parser("rotate-key", help="make a new signing key current (old passes stay valid)")
    revoke_key = what.add_parser(
        "revoke-key", help="a signing key was compromised: every pass it signed stops at once"
    )
    revoke_key.add_argument("key_id", type=int)
    printing = what.add_parser("print", help="print passes to a PDF (A4 sheet or 80 mm slip)")
    printing.add_argument("--serial", type=int, action="append", default=None)
    printing.add_argument("--building", default=None)
    printing.add_argument("--slip", action="store_true", help="80 mm thermal slip")
    printing.add_argument("--out", type=Path, required=True, help="FILE.pdf")


def run_passes(args: argparse.Namespace) -> int:
    """Run one `passes` action; 0 on success, 1 for a pass that does not verify, 2 on errors."""
    if args.passes_command == "print":
        try:
            from desktop.pass_print import run_print
        except ImportError:
            print("gatedesk passes: printing is not available in this build", file=sys.stderr)
            return 2
        return run_print(args)
    if args.passes_command == "issue" and not 1 <= args.days <= MAX_DAYS:
        print(f"gatedesk passes: --days must be 1 to {MAX_DAYS}", file=sys.stderr)
        return 2
    from desktop.app import open_context
    from desktop.passes.keys import PassKeyError
    from desktop.passes.service import PassError

    context = open_context(args.home, demo=args.demo)
    try:
        service = pass_service(context)
        return _ACTIONS[args.passes_command](context, service, args)
    except (PassError, PassKeyError) as exc:
        print(f"gatedesk passes: {exc}", file=sys.stderr)
        return 2
    finally:
        context.close()


def pass_service(context):
    """The pass service of an open AppContext (built by the composition root)."""
    return context.passes


def _issue(context, service, args) -> int:
    from desktop.cli import print_json
    from desktop.passes.service import CandidateFilter

    if args.resident:
        ids = args.resident
    else:
        ids = service.candidates(
            CandidateFilter(
                household_id=args.household,
                building=args.building,
                unit=args.unit,
                min_age=args.min_age,
                without_phone=args.without_phone,
            )
        )
    if not ids:
        print("gatedesk passes: nobody matches; no pass issued", file=sys.stderr)
        return 2
    first: date = service.today()
    issued = service.issue(
        ids,
        kind=PassKind(args.kind),
        valid_from=first,
        valid_to=first + timedelta(days=args.days - 1),
    )
    if args.json:
        print_json([_row(p) for p in issued])
        return 0
    for p in issued:
        print(f"{p.serial}\t{p.name_masked}\t{_days(p, service.zone)}")
    print(f"{len(issued)} passes issued")
    return 0


def _revoke(context, service, args) -> int:
    service.revoke(args.serial, RevocationReason(args.reason), args.note)
    print(f"pass {args.serial} revoked ({args.reason})")
    return 0


def _reissue(context, service, args) -> int:
    new = service.reissue(args.serial)
    days = _days(new, service.zone)
    print(f"pass {args.serial} revoked; new pass {new.serial} for {new.name_masked}, {days}")
    return 0


def _verify(context, service, args) -> int:
    from db.models import Resident
    from desktop.masking import mask_name
    from desktop.passes.verify import PassVerifier
    from desktop.verdicts import PassState

    check = PassVerifier(
        context.sessions, context.site.community_id, operator_id=context.operator_id
    ).verify(args.text)
    person = ""
    if check.resident_id is not None:
        with context.sessions() as session:
            person = mask_name(session.get(Resident, check.resident_id).name)
    claim = check.claim
    parts = [check.state.value]
    if claim is not None:
        parts += [f"serial {claim.serial}", claim.kind.value]
    if person:
        parts.append(person)
    if check.why:
        parts.append(f"({check.why})")
    print("  ".join(parts))
    return 0 if check.state is PassState.VALID else 1


def _list(context, service, args) -> int:
    from desktop.cli import print_json

    rows = service.passes(active_only=not args.all)
    if args.json:
        print_json([_row(p) for p in rows])
        return 0
    for p in rows:
        state = "revoked" if p.revoked else "active"
        print(f"{p.serial}\t{p.kind.value}\t{p.name_masked}\t{_days(p, service.zone)}\t{state}")
    return 0


def _rotate(context, service, args) -> int:
    from db.engine import transaction

    with transaction(context.sessions) as session:
        key_id = service.keys.rotate(session)
    print(f"pass key {key_id} is now current")
    return 0


def _revoke_key(context, service, args) -> int:
    count = service.revoke_key(args.key_id)
    print(f"pass key {args.key_id} revoked with its {count} passes; reissue them with a new key")
    return 0


def _days(p, zone) -> str:
    """The first and last valid day in the community's time zone."""
    return f"{p.valid_from.astimezone(zone).date()}..{p.valid_to.astimezone(zone).date()}"


def _row(p) -> dict:
    return {
        "serial": p.serial,
        "kind": p.kind.value,
        "name": p.name_masked,
        "valid_from": p.valid_from.isoformat(),
        "valid_to": p.valid_to.isoformat(),
        "revoked": p.revoked,
        "code": p.code,
    }


_ACTIONS = {
    "issue": _issue,
    "revoke": _revoke,
    "reissue": _reissue,
    "verify": _verify,
    "list": _list,
    "rotate-key": _rotate,
    "revoke-key": _revoke_key,
}
