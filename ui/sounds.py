"""Verdict sounds and spoken verdicts at the gate (ui.md, "Verdicts").

Each verdict kind has its own tone, synthesised once per process as a small WAV file and
played with QSoundEffect. Speech (QTextToSpeech) follows the tone when it is on, so the tone
still tells the kind at a glance and the words come after it. A new verdict cuts off the one
before: with a queue at the gate, only the latest verdict matters. Qt Multimedia and Qt
TextToSpeech are imported only when needed; without them, without an audio output or without
a speech engine GateDesk stays silent and `status()` says why and what to do.
"""

from __future__ import annotations

import importlib
import io
import logging
import math
import sys
import tempfile
import wave
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, qInstallMessageHandler

from desktop.verdicts import VerdictKind

log = logging.getLogger(__name__)

RATE = 22050
_AMPLITUDE = 0.6 * 32767
_FADE_S = 0.006  # every segment fades in and out: a hard edge clicks in the speaker
_TAIL_S = 0.08  # QSoundEffect drops the last few milliseconds of a sound: let them be silent
_SPEECH_GAP_MS = 100


class Segment(NamedTuple):
    hz: float  # 0 is a pause
    seconds: float
    chime: bool = False  # dies away like a struck bell instead of holding


PATTERNS: dict[VerdictKind, tuple[Segment, ...]] = {
    VerdictKind.ALLOW: (Segment(1568, 0.12),),
    VerdictKind.ALLOW_LIMITED: (Segment(1568, 0.09), Segment(0, 0.08), Segment(1568, 0.09)),
    VerdictKind.REFER: (Segment(1319, 0.3, chime=True), Segment(1047, 0.45, chime=True)),
    VerdictKind.DENY: (Segment(247, 0.9),),
    VerdictKind.FEVER: (Segment(1400, 0.25), Segment(900, 0.25)) * 3,
    VerdictKind.REMEASURE: (Segment(392, 0.3),),
    VerdictKind.INPUT_ERROR: (Segment(330, 0.1),),
}


def _samples(segment: Segment) -> array:
    count = round(RATE * segment.seconds)
    samples = array("h", bytes(2 * count))
    if not segment.hz:
        return samples
    fade = max(1, min(round(RATE * _FADE_S), count // 2))
    step = 2 * math.pi * segment.hz / RATE
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        if segment.chime:
            envelope *= math.exp(-4.0 * i / count)
        x = step * i
        # A third harmonic helps small PC speakers carry the tone through street noise.
        samples[i] = round(_AMPLITUDE * envelope * (0.8 * math.sin(x) + 0.2 * math.sin(3 * x)))
    return samples


@cache
def tone(kind: VerdictKind) -> bytes:
    """The sound of a verdict kind: a mono 16-bit WAV file."""
    samples = array("h")
    for segment in (*PATTERNS[kind], Segment(0, _TAIL_S)):
        samples.extend(_samples(segment))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def duration_ms(kind: VerdictKind) -> int:
    return round(1000 * (sum(segment.seconds for segment in PATTERNS[kind]) + _TAIL_S))


class Problem(Enum):
    NO_LIBRARY = "no-library"  # the Qt module or a system library it needs is missing
    NO_DEVICE = "no-device"
    NO_FILES = "no-files"
    NO_ENGINE = "no-engine"
    ENGINE_ERROR = "engine-error"
    NO_VOICE = "no-voice"


def _import_qt(name: str) -> Any:
    """PySide6's module `name`; ImportError when it or a system library it needs is missing."""
    return importlib.import_module(f"PySide6.{name}")


@contextmanager
def _qt_messages_to_log() -> Iterator[None]:
    # Qt's audio and speech plug-ins print every missing sound server, codec library or speech
    # daemon on stderr. A gate PC without them is normal: status() explains, the log keeps it.
    def to_log(_mode: object, _context: object, message: str) -> None:
        log.debug("Qt: %s", message)

    previous = qInstallMessageHandler(to_log)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


class Player:
    """One preloaded QSoundEffect per verdict kind; playing one stops the one before."""

    def __init__(self, multimedia: Any, parent: QObject) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="gatedesk-sounds-")
        self._effects = {}
        self._current = None
        for kind in VerdictKind:
            path = Path(self._folder.name) / f"{kind.value}.wav"
            path.write_bytes(tone(kind))
            effect = multimedia.QSoundEffect(parent)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[kind] = effect

    def play(self, kind: VerdictKind) -> None:
        self.stop()
        self._current = self._effects[kind]
        self._current.play()

    def stop(self) -> None:
        if self._current is not None:
            self._current.stop()

    def failed(self) -> bool:
        return any(e.status() == e.Status.Error for e in self._effects.values())


def open_player(parent: QObject) -> tuple[Player | None, Problem | None, str]:
    """The verdict sounds, or why there are none (a problem and a detail)."""
    try:
        with _qt_messages_to_log():
            multimedia = _import_qt("QtMultimedia")
            if not multimedia.QMediaDevices.audioOutputs():
                return None, Problem.NO_DEVICE, ""
            return Player(multimedia, parent), None, ""
    except ImportError as exc:
        return None, Problem.NO_LIBRARY, str(exc)
    except OSError as exc:
        return None, Problem.NO_FILES, str(exc)


def speech_engines(module: Any) -> list[str]:
    # "mock" is Qt's engine for its own tests: it pretends to speak and makes no sound.
    return [name for name in module.QTextToSpeech.availableEngines() if name != "mock"]


def _choose_voice(speech: Any, language: str) -> bool:
    """Set a voice for `language`, the territory's own if there is one; False when none."""
    wanted = QLocale(language)
    same = [loc for loc in speech.availableLocales() if loc.language() == wanted.language()]
    exact = [loc for loc in same if loc.territory() == wanted.territory()]
    if same:
        speech.setLocale((exact or same)[0])
        return True
    # speech-dispatcher calls espeak-ng's Mandarin "cmn", which QLocale does not know: those
    # voices come under the C locale, named "Chinese (Mandarin, latin as English)" and so on.
    name = QLocale.languageToString(wanted.language())
    named = [v for v in speech.allVoices(QLocale.c()) if v.name().startswith(name)]
    if named:
        speech.setVoice(min(named, key=lambda v: ("+" in v.name(), v.name())))
    return bool(named)


def open_voice(language: str, parent: QObject) -> tuple[Any, Problem | None, str]:
    """A QTextToSpeech speaking `language`, or why there is none (a problem and a detail)."""
    try:
        with _qt_messages_to_log():
            module = _import_qt("QtTextToSpeech")
            engines = speech_engines(module)
    except ImportError as exc:
        return None, Problem.NO_LIBRARY, str(exc)
    problem, detail = Problem.NO_ENGINE, ""
    for engine in engines:
        with _qt_messages_to_log():
            voice = module.QTextToSpeech(engine, parent)
        if voice.state() == module.QTextToSpeech.State.Error:
            problem, detail = Problem.ENGINE_ERROR, f"{engine}: {voice.errorString()}"
        elif not _choose_voice(voice, language):
            problem, detail = Problem.NO_VOICE, QLocale(language).nativeLanguageName()
        else:
            return voice, None, engine
        voice.deleteLater()
    return None, problem, detail


class VerdictAnnouncer(QObject):
    """Plays the verdict's tone and, when speech is on, says the verdict after it."""

    def __init__(
        self,
        *,
        sound: bool = True,
        speech: bool = False,
        language: str = "zh_CN",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._sound = self._speech = False
        self._player: Player | None = None
        self._voice: Any = None
        self._sound_problem: tuple[Problem | None, str] = (None, "")
        self._speech_problem: tuple[Problem | None, str] = (None, "")
        self._pending = ""  # the words to say once the tone has played
        self._speech_timer = QTimer(self, singleShot=True, timeout=self._speak_pending)
        self.set_sound(sound)
        self.set_speech(speech)

    def set_sound(self, on: bool) -> None:
        self._sound = on
        if not on and self._player is not None:
            self._player.stop()
        elif on and self._player is None:
            self._player, problem, detail = open_player(self)
            self._sound_problem = (problem, detail)
            if problem is not None:
                log.info("verdict sounds unavailable: %s %s", problem.value, detail)

    def set_speech(self, on: bool) -> None:
        self._speech = on
        if not on and self._voice is not None:
            self._speech_timer.stop()
            self._voice.stop()
        elif on and self._voice is None:
            self._voice, problem, detail = open_voice(self._language, self)
            self._speech_problem = (problem, detail)
            if problem is not None:
                log.info("spoken verdicts unavailable: %s %s", problem.value, detail)

    def announce(self, kind: VerdictKind) -> None:
        """Sound (and say) the verdict, cutting off the one before."""
        self._speech_timer.stop()
        if self._voice is not None:
            self._voice.stop()
        delay = 0
        if self._player is not None:
            self._player.stop()
            if self._sound:
                self._player.play(kind)
                delay = duration_ms(kind) + _SPEECH_GAP_MS
        self._pending = self.spoken_text(kind) if self._speech and self._voice else ""
        if self._pending:
            self._speech_timer.start(delay)

    def _speak_pending(self) -> None:
        if self._voice is not None and self._pending:
            self._voice.say(self._pending)

    def spoken_text(self, kind: VerdictKind) -> str:
        """The words for a verdict; none for a typing error, which only staff need to hear."""
        texts = {
            VerdictKind.ALLOW: self.tr("Please pass"),
            VerdictKind.ALLOW_LIMITED: self.tr("Please pass, mind the validity"),
            VerdictKind.REFER: self.tr("Please wait, staff will verify"),
            VerdictKind.DENY: self.tr("No entry"),
            VerdictKind.FEVER: self.tr("Abnormal temperature, please re-measure"),
            VerdictKind.REMEASURE: self.tr("Please measure your temperature again"),
        }
        return texts.get(kind, "")

    def status(self) -> str:
        """Whether sounds and speech work and, when not, why and what to do."""
        return self._sound_status() + " " + self._speech_status()

    def _sound_status(self) -> str:
        problem, detail = self._sound_problem
        if not self._sound:
            return self.tr("Verdict sounds are off.")
        if problem is Problem.NO_LIBRARY:
            text = self.tr(
                "No sound: the Qt Multimedia library could not load (%1); "
                "install the missing system package (libpulse0)."
            )
        elif problem is Problem.NO_DEVICE:
            text = self.tr(
                "No sound: this PC has no audio output; connect speakers and restart GateDesk."
            )
        elif problem is Problem.NO_FILES:
            text = self.tr("No sound: the sound files could not be written (%1).")
        elif self._player is not None and self._player.failed():
            text = self.tr("No sound: the sounds could not be played; check the sound settings.")
        else:
            text = self.tr("Verdict sounds are on.")
        return text.replace("%1", detail)

    def _speech_status(self) -> str:
        problem, detail = self._speech_problem
        voice = self._voice
        if not self._speech:
            return self.tr("Spoken verdicts are off.")
        if voice is not None and voice.state() == type(voice).State.Error:
            problem, detail = Problem.ENGINE_ERROR, voice.errorString()
        if problem is Problem.NO_LIBRARY:
            text = self.tr(
                "Spoken verdicts are not available on this PC: "
                "the Qt speech library could not load (%1)."
            )
        elif problem is Problem.NO_ENGINE:
            text = self.tr(
                "Spoken verdicts are not available on this PC: no speech engine "
                "(install speech-dispatcher and espeak-ng)."
            )
        elif problem is Problem.ENGINE_ERROR:
            text = self.tr(
                "Spoken verdicts are not available: the speech engine does not start (%1); "
                "install speech-dispatcher and espeak-ng."
            )
        elif problem is Problem.NO_VOICE:
            text = self.tr("Spoken verdicts are not available: no %1 voice is installed.")
        else:
            text = self.tr("Spoken verdicts are on (%1).")
            detail = QLocale(self._language).nativeLanguageName()
        return text.replace("%1", detail)
