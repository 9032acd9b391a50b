"""Verdict sounds and speech (ui.md, "Verdicts"): a tone of its own for every verdict, speech
after it, and silence with an explanation where the PC has no audio, no Qt Multimedia or no
speech engine."""

from __future__ import annotations

import io
import wave
from array import array
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QUrl

from desktop.verdicts import VerdictKind
from ui import sounds
from ui.sounds import RATE, Player, VerdictAnnouncer, duration_ms, tone

SPOKEN_ZH = {
    VerdictKind.ALLOW: "请通行",
    VerdictKind.ALLOW_LIMITED: "请通行，注意有效期",
    VerdictKind.REFER: "请稍候，工作人员核实",
    VerdictKind.DENY: "禁止通行",
    VerdictKind.FEVER: "体温异常，请复测",
    VerdictKind.REMEASURE: "请重新测温",
}


def samples(kind: VerdictKind) -> array:
    with wave.open(io.BytesIO(tone(kind))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, RATE)
        return array("h", wav.readframes(wav.getnframes()))


def sounding_ms(wav: array) -> float:
    loud = [i for i, value in enumerate(wav) if value]
    return (loud[-1] - loud[0]) / RATE * 1000


def pitch_hz(part: array) -> float:
    """The frequency of a pure tone, from its zero crossings."""
    crossings = sum(1 for a, b in zip(part, part[1:], strict=False) if (a < 0) != (b < 0))
    return crossings / 2 / (len(part) / RATE)


def bursts(part: array, gap_s: float = 0.02) -> int:
    """Sounding stretches separated by at least `gap_s` of silence."""
    window = round(RATE * gap_s)
    loud = [max(map(abs, part[i : i + window])) > 1000 for i in range(0, len(part), window)]
    return sum(1 for i, on in enumerate(loud) if on and (i == 0 or not loud[i - 1]))


@pytest.mark.parametrize("kind", list(VerdictKind))
def test_every_verdict_has_an_audible_click_free_tone(kind):
    wav = samples(kind)
    assert len(wav) / RATE * 1000 == pytest.approx(duration_ms(kind), abs=1)
    peak = max(map(abs, wav))
    assert peak > 10000
    last = max(i for i, value in enumerate(wav) if value)
    ms = RATE // 1000
    # Faded in and out (no click), and the end is silence: QSoundEffect may cut it short.
    assert max(map(abs, wav[:ms])) < peak / 5 and max(map(abs, wav[last - ms :])) < peak / 5
    assert duration_ms(kind) - sounding_ms(wav) > 50


def test_every_verdict_sounds_different():
    assert len({tone(kind) for kind in VerdictKind}) == len(VerdictKind)


def test_tones_follow_the_verdict_table():
    lengths = {kind: sounding_ms(samples(kind)) for kind in VerdictKind}
    assert lengths[VerdictKind.ALLOW] < 200  # one short high beep
    assert bursts(samples(VerdictKind.ALLOW)) == 1
    assert bursts(samples(VerdictKind.ALLOW_LIMITED)) == 2  # two short beeps
    assert lengths[VerdictKind.DENY] >= 700  # long low tone
    assert pitch_hz(samples(VerdictKind.DENY)) < pitch_hz(samples(VerdictKind.ALLOW)) / 3
    assert max(lengths, key=lengths.get) is VerdictKind.FEVER
    assert lengths[VerdictKind.INPUT_ERROR] < lengths[VerdictKind.REMEASURE]
    refer = samples(VerdictKind.REFER)  # two-tone chime
    first, second = refer[: round(0.25 * RATE)], refer[round(0.35 * RATE) :]
    assert pitch_hz(first) > pitch_hz(second) * 1.15


def test_fever_alarm_alternates_high_and_low():
    wav = samples(VerdictKind.FEVER)
    quarter = round(0.25 * RATE)
    assert 1200 <= sounding_ms(wav) <= 2000
    pitches = [pitch_hz(wav[i : i + quarter]) for i in range(0, 6 * quarter, quarter)]
    for high, low in zip(pitches[::2], pitches[1::2], strict=True):
        assert high > low * 1.3


class FakeEffect:
    """Stands in for QSoundEffect: records what the player does to it."""

    class Status:
        Error = "error"

    def __init__(self, parent):
        self.source, self.calls = QUrl(), []

    def setSource(self, url):
        self.source = url

    def play(self):
        self.calls.append("play")

    def stop(self):
        self.calls.append("stop")

    def status(self):
        return "ready"


class FakePlayer:
    def __init__(self):
        self.played, self.stops = [], 0

    def play(self, kind):
        self.played.append(kind)

    def stop(self):
        self.stops += 1

    def failed(self):
        return False


@pytest.fixture
def player(monkeypatch) -> FakePlayer:
    fake = FakePlayer()
    monkeypatch.setattr(sounds, "open_player", lambda parent: (fake, None, ""))
    return fake


def test_player_loads_every_tone_and_the_latest_verdict_cuts_off_the_one_before(qapp):
    player = Player(SimpleNamespace(QSoundEffect=FakeEffect), qapp)
    for kind, effect in player._effects.items():
        with open(effect.source.toLocalFile(), "rb") as wav:
            assert wav.read() == tone(kind)
    player.play(VerdictKind.ALLOW)
    player.play(VerdictKind.DENY)
    assert player._effects[VerdictKind.ALLOW].calls == ["play", "stop"]
    assert player._effects[VerdictKind.DENY].calls == ["play"]
    assert not player.failed()


def test_announce_on_this_machine_never_raises_nor_prints(qtbot, capfd):
    announcer = VerdictAnnouncer(sound=True, speech=True, language="zh_CN")
    for kind in VerdictKind:
        announcer.announce(kind)
    qtbot.wait(50)  # deferred speech starts, if this PC can speak
    assert announcer.status().strip()
    announcer.deleteLater()
    assert capfd.readouterr().err == ""


def test_sound_off_makes_announce_silent(qtbot, player):
    announcer = VerdictAnnouncer(sound=True)
    announcer.announce(VerdictKind.ALLOW)
    announcer.set_sound(False)
    announcer.announce(VerdictKind.DENY)
    assert player.played == [VerdictKind.ALLOW]
    assert "off" in announcer.status()
    announcer.set_sound(True)
    announcer.announce(VerdictKind.FEVER)
    assert player.played == [VerdictKind.ALLOW, VerdictKind.FEVER]
    assert announcer.status().startswith("Verdict sounds are on.")


def test_without_qt_multimedia_the_gate_stays_silent_and_says_why(qtbot, monkeypatch):
    def missing(name):
        raise ImportError("libpulse.so.0: cannot open shared object file")

    monkeypatch.setattr(sounds, "_import_qt", missing)
    announcer = VerdictAnnouncer(sound=True, speech=True)
    for kind in VerdictKind:
        announcer.announce(kind)
    status = announcer.status()
    assert "Qt Multimedia library could not load (libpulse.so.0" in status
    assert "libpulse0" in status
    assert "speech library could not load" in status


def test_without_audio_output_the_status_says_connect_speakers(qtbot, monkeypatch):
    devices = SimpleNamespace(audioOutputs=lambda: [])
    monkeypatch.setattr(sounds, "_import_qt", lambda name: SimpleNamespace(QMediaDevices=devices))
    announcer = VerdictAnnouncer(sound=True)
    announcer.announce(VerdictKind.DENY)
    assert "no audio output; connect speakers" in announcer.status()


def test_without_speech_engine_speech_is_off_and_the_status_says_why(qtbot, monkeypatch, player):
    monkeypatch.setattr(sounds, "_import_qt", lambda name: SimpleNamespace())
    monkeypatch.setattr(sounds, "speech_engines", lambda module: [])
    announcer = VerdictAnnouncer(sound=True, speech=True)
    announcer.announce(VerdictKind.FEVER)
    assert player.played == [VerdictKind.FEVER]
    assert "Spoken verdicts are not available on this PC: no speech engine" in announcer.status()


def test_every_verdict_but_a_typing_error_is_spoken(qapp):
    announcer = VerdictAnnouncer(sound=False)
    texts = {kind: announcer.spoken_text(kind) for kind in VerdictKind}
    assert texts.pop(VerdictKind.INPUT_ERROR) == ""
    assert all(texts.values()) and len(set(texts.values())) == len(texts)


def test_spoken_words_in_chinese_follow_the_verdict_table(qapp, chinese):
    if QCoreApplication.translate("VerdictAnnouncer", "Please pass") == "Please pass":
        pytest.skip("the zh_CN catalogue has no VerdictAnnouncer translations yet")
    announcer = VerdictAnnouncer(sound=False)
    assert {kind: announcer.spoken_text(kind) for kind in SPOKEN_ZH} == SPOKEN_ZH


@pytest.fixture
def mock_voice(monkeypatch):
    """Qt's mock speech engine: it speaks word by word, silently."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        pytest.skip(f"Qt TextToSpeech not loadable: {exc}")
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock speech engine is not installed")
    monkeypatch.setattr(sounds, "speech_engines", lambda module: ["mock"])


def test_speech_follows_the_tone_and_the_latest_verdict_wins(qtbot, mock_voice, player):
    announcer = VerdictAnnouncer(sound=True, speech=True, language="en")
    assert announcer.status().endswith("Spoken verdicts are on (American English).")
    words = []
    announcer._voice.sayingWord.connect(lambda word, *_: words.append(word))
    announcer.announce(VerdictKind.ALLOW)
    announcer.announce(VerdictKind.DENY)
    assert player.played == [VerdictKind.ALLOW, VerdictKind.DENY]
    assert announcer._voice.state() != type(announcer._voice).State.Speaking  # tone first
    qtbot.waitUntil(lambda: words == ["No", "entry"], timeout=3000)


def test_speech_needs_a_voice_in_the_interface_language(qtbot, mock_voice):
    announcer = VerdictAnnouncer(sound=False, speech=True, language="zh_CN")
    assert announcer._voice is None
    assert "no 简体中文 voice is installed" in announcer.status()
