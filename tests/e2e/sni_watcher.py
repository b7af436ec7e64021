"""A stand-in StatusNotifierWatcher on the session bus, for test_xvfb_sni.py.

Owns ``org.kde.StatusNotifierWatcher`` (which makes Qt use a StatusNotifierItem
for its tray icon), prints ``ready`` and then ``item <service>`` for every
registered item, answering every call with an empty reply (properties with
``true``). Ends when the bus goes away.
"""

from __future__ import annotations

from jeepney import HeaderFields, MessageType, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection


def main() -> None:
    connection = open_dbus_connection("SESSION")
    connection.send_and_get_reply(message_bus.RequestName("org.kde.StatusNotifierWatcher"))
    print("ready", flush=True)
    while True:
        try:
            message = connection.receive()
        except (OSError, ValueError):
            return
        if message.header.message_type is not MessageType.method_call:
            continue
        member = message.header.fields.get(HeaderFields.member)
        if member == "RegisterStatusNotifierItem":
            sender = message.header.fields.get(HeaderFields.sender)
            print(f"item {message.body[0]} {sender}", flush=True)
            connection.send(new_method_return(message))
        elif member == "Get":
            connection.send(new_method_return(message, "v", (("b", True),)))
        else:
            connection.send(new_method_return(message))


if __name__ == "__main__":
    main()
