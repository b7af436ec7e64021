"""Child process of ``test_xvfb_atspi.py``; runs inside ``dbus-run-session`` on Xvfb.

Starts the accessibility bus (``at-spi-bus-launcher`` and ``at-spi2-registryd``),
runs the installed ``hamstring-gui start desk-break`` on a first run, and
reads what a screen reader reads through AT-SPI over D-Bus (jeepney), as
Orca would: first the safety screen, then, after pressing "I understand"
through AT-SPI's own action, the session screen; then a keyboard-only walk
with xdotool (Tab to Skip and Space, H for "That hurts", End the session)
read back the same way. Prints one JSON line: ``safety``, ``session``,
``hurt`` and ``summary`` (each a list of the showing nodes with their role,
name, description and, for progress bars, value) and ``skipped_to`` (the
phase after Skip).
Usage: ``atspi_scenario.py PROGRAM``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

from jeepney import DBusAddress, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"
STATE_SHOWING = 25


class Reader:
    """Reads the accessibility tree of one application over the a11y bus."""

    def __init__(self, bus: DBusConnection) -> None:
        self.bus = bus

    def call(self, name: str, path: str, interface: str, method: str, *args: Any) -> Any:
        address = DBusAddress(path, bus_name=name, interface=interface)
        signature = {0: None, 1: "i"}[len(args)]
        message = new_method_call(address, method, signature, args) if args else None
        if message is None:
            message = new_method_call(address, method)
        reply = self.bus.send_and_get_reply(message, timeout=10)
        return reply.body[0] if reply.body else None

    def prop(self, name: str, path: str, interface: str, prop: str) -> Any:
        address = DBusAddress(path, bus_name=name, interface=interface)
        reply = self.bus.send_and_get_reply(Properties(address).get(prop), timeout=10)
        return reply.body[0][1]

    def children(self, name: str, path: str) -> list[tuple[str, str]]:
        return list(self.call(name, path, ACCESSIBLE, "GetChildren"))

    def showing(self, name: str, path: str) -> bool:
        low, _high = self.call(name, path, ACCESSIBLE, "GetState")
        return bool(low & (1 << STATE_SHOWING))

    def node(self, name: str, path: str) -> dict[str, Any]:
        node = {
            "path": path,
            "role": self.call(name, path, ACCESSIBLE, "GetRoleName"),
            "name": self.prop(name, path, ACCESSIBLE, "Name"),
            "description": self.prop(name, path, ACCESSIBLE, "Description"),
        }
        interfaces = self.call(name, path, ACCESSIBLE, "GetInterfaces")
        if "org.a11y.atspi.Value" in interfaces:
            node["value"] = self.prop(name, path, "org.a11y.atspi.Value", "CurrentValue")
            node["maximum"] = self.prop(name, path, "org.a11y.atspi.Value", "MaximumValue")
        node["actions"] = "org.a11y.atspi.Action" in interfaces
        return node

    def walk(self, name: str, path: str, depth: int = 0) -> Iterator[dict[str, Any]]:
        if depth > 40 or not self.showing(name, path):
            return
        yield self.node(name, path)
        for child_name, child_path in self.children(name, path):
            yield from self.walk(child_name, child_path, depth + 1)

    def application(self, wanted: str) -> tuple[str, str] | None:
        for name, path in self.children("org.a11y.atspi.Registry", ROOT_PATH):
            if self.prop(name, path, ACCESSIBLE, "Name") == wanted:
                return name, path
        return None

    def windows(self, app: tuple[str, str]) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = []
        for name, path in self.children(*app):
            nodes.extend(self.walk(name, path))
        return nodes

    def press(self, app: tuple[str, str], label: str) -> None:
        for node in self.windows(app):
            if node["role"] == "push button" and node["name"] == label:
                self.call(app[0], node["path"], "org.a11y.atspi.Action", "DoAction", 0)
                return
        raise LookupError(label)


def keys(*names: str) -> None:
    """Type ``names`` into the focused window, one key at a time, as a person would."""
    for name in names:
        subprocess.run(["xdotool", "key", name], check=True, timeout=10)
        time.sleep(0.4)


def wait(what: str, check: Any, timeout: float = 20) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = check()
        except Exception:  # the bus or the app is still starting
            result = None
        if result:
            return result
        time.sleep(0.2)
    raise TimeoutError(what)


def main() -> int:
    program = sys.argv[1]
    launcher = subprocess.Popen([LAUNCHER, "--launch-immediately"], stderr=subprocess.DEVNULL)
    children = [launcher]
    try:
        session = open_dbus_connection(bus="SESSION")
        bus_address = DBusAddress(
            "/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus"
        )

        def address() -> str:
            reply = session.send_and_get_reply(new_method_call(bus_address, "GetAddress"))
            return str(reply.body[0])

        a11y_address = wait("the accessibility bus", address)
        env = {**os.environ, "AT_SPI_BUS_ADDRESS": a11y_address}
        children.append(subprocess.Popen([REGISTRY], env=env, stderr=subprocess.DEVNULL))
        reader = Reader(open_dbus_connection(bus=a11y_address))
        wait("the registry", lambda: reader.children("org.a11y.atspi.Registry", ROOT_PATH) == [])
        app_env = {**env, "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1"}
        app = subprocess.Popen(
            [program, "start", "desk-break"], env=app_env, stderr=subprocess.PIPE, text=True
        )
        children.append(app)
        # AT-SPI names the application by Qt's application name: "Hamstring Coach".
        found = wait(
            "the app on the accessibility bus", lambda: reader.application("Hamstring Coach")
        )
        safety = wait(
            "the safety screen",
            lambda: (
                (nodes := reader.windows(found))
                and any(n["name"] == "I understand" for n in nodes)
                and nodes
            ),
        )
        reader.press(found, "I understand")
        wait(
            "the session screen",
            lambda: any(n["name"] == "Seconds left" for n in reader.windows(found)),
        )
        time.sleep(2.2)  # a couple of seconds of the countdown
        session_nodes = reader.windows(found)

        # Then by keyboard alone, as a keyboard-only user: Tab to Skip, Space
        # presses it (not the window's Pause); H is "That hurts"; Tab to "End
        # the session" in its dialog, Enter. Each step read back over AT-SPI.
        def banner() -> str:
            nodes = reader.windows(found)
            return next((n["name"] for n in nodes if n["description"] == "Phase"), "")

        keys("Tab", "space")
        skipped_to = wait("Skip pressed", lambda: (b := banner()) != "Get ready" and b)
        keys("h")
        hurt = wait(
            "the That hurts dialog",
            lambda: (
                (nodes := reader.windows(found))
                and any(n["name"] == "End the session" for n in nodes)
                and nodes
            ),
        )
        keys("Tab", "Return")
        summary = wait(
            "the end screen",
            lambda: (
                (nodes := reader.windows(found))
                and any(n["name"] == "Session stopped" for n in nodes)
                and nodes
            ),
        )
        print(
            json.dumps(
                {
                    "safety": safety,
                    "session": session_nodes,
                    "skipped_to": skipped_to,
                    "hurt": hurt,
                    "summary": summary,
                }
            )
        )
        return 0
    finally:
        for child in reversed(children):
            child.terminate()
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                child.kill()


if __name__ == "__main__":
    sys.exit(main())
