"""Paper passes: how long a gate takes to verify a scanned pass (offline, against the DB).

A demo community gets 1,000 passes (quick: 200), issued by `PassService` as the office
would; each is then verified by `PassVerifier.verify` as the gate's intake does: decode, key,
signature, window, revocation list, community, the person and the id digest. One in ten was
revoked before, so the revocation lookup hits as well as misses. SM2 keys are timed on a
smaller set, for deployments that choose national algorithms.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from zoneinfo import ZoneInfo

from benchmarks import Context, Measurement, benchmark
from benchmarks.bench_demo import SEED, TODAY, _fresh_engine
from db.engine import make_session_factory
from db.enums import RevocationReason
from desktop.demo import DemoOptions, generate_demo
from desktop.passes.keys import KeyStore
from desktop.passes.service import CandidateFilter, PassService
from desktop.passes.verify import PassVerifier
from desktop.verdicts import PassState

ZONE = "Asia/Shanghai"
NOON = dt.datetime.combine(TODAY, dt.time(12), tzinfo=ZoneInfo(ZONE))


def _timed(verifier: PassVerifier, codes: list[str]) -> tuple[list[float], dict[str, int]]:
    times, states = [], {}
    for code in codes:
        started = time.perf_counter()
        state = verifier.verify(code).state
        times.append((time.perf_counter() - started) * 1000)
        states[state.value] = states.get(state.value, 0) + 1
    return times, states


def _issue(ctx: Context, sessions, community_id: int, algorithm: str, count: int) -> list[str]:
    keys = KeyStore(
        sessions,
        community_id,
        ctx.workdir / f"keys-{algorithm}",
        algorithm=algorithm,
        backend="file",
        clock=lambda: NOON,
    )
    service = PassService(sessions, community_id, ZONE, keys, clock=lambda: NOON)
    ids = service.candidates(CandidateFilter())[:count]
    issued = service.issue(ids, valid_from=TODAY, valid_to=TODAY + dt.timedelta(days=30))
    for p in issued[::10]:
        service.revoke(p.serial, RevocationReason.LOST)
    return [p.code for p in issued]


@benchmark("pass_verify")
def pass_verify(ctx: Context) -> Measurement:
    """Verify 1,000 scanned paper passes (quick: 200), Ed25519; SM2 on a tenth of them."""
    count = 200 if ctx.quick else 1_000
    engine = _fresh_engine(ctx.workdir)
    summary = generate_demo(
        engine, DemoOptions(residents=max(count, 2_000), seed=SEED, today=TODAY)
    )
    sessions = make_session_factory(engine)
    codes = _issue(ctx, sessions, summary.community_id, "ed25519", count)
    verifier = PassVerifier(sessions, summary.community_id, clock=lambda: NOON)
    verifier.verify(codes[0])  # loads keys and the digest secret, as the first scan does
    started = time.perf_counter()
    times, states = _timed(verifier, codes)
    seconds = time.perf_counter() - started
    sm2_codes = _issue(ctx, sessions, summary.community_id, "sm2", count // 10)
    sm2_times, sm2_states = _timed(verifier, sm2_codes)
    engine.dispose()
    quantiles = statistics.quantiles(times, n=100)
    return Measurement(
        parameters={"passes": count, "backend": "sqlite", "algorithm": "ed25519"},
        seconds=seconds,
        throughput=count / seconds,
        throughput_unit="passes/s",
        details={
            "ms_p50": round(quantiles[49], 3),
            "ms_p95": round(quantiles[94], 3),
            "ms_max": round(max(times), 3),
            "states": states,
            "valid": states.get(PassState.VALID.value, 0),
            "sm2_passes": len(sm2_codes),
            "sm2_ms_p50": round(statistics.median(sm2_times), 3),
            "sm2_states": sm2_states,
        },
    )
