#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real, running Kompeten as a user would, through the accessibility tree (AT-SPI,
python3-dogtail): open the demo database, search for an employee, open the record, change a
field, save, and find the change in the table, in the database and in the audit log.

Needs a display and a session bus with accessibility (meson runs it inside xvfb-run and
dbus-run-session, see build-aux/run-tests). Exits 77 (meson: skipped) only when dogtail or a
display is missing."""

import os
import shutil
import subprocess
import sys
import tempfile
import time

KOMPETEN = os.environ.get("KOMPETEN")
CLI = os.environ.get("KOMPETEN_CLI")
NIP = "198807172017022663"  # the head of Sekretariat Daerah in the demo register
OLD_NAME = "Dr. Dian, S.Kom., M.Kom."
NEW_NAME = "Dr. Dian Lestari, S.Kom., M.Kom."

try:
    from dogtail.config import config
    config.checkForA11y = False  # GTK 4 apps are accessible without the GNOME setting
    config.searchCutoffCount = 10
    config.searchBackoffDuration = 0.5
    config.defaultDelay = 0.3
    config.logDebugToStdOut = False
    from dogtail import rawinput, tree
    from dogtail.predicate import GenericPredicate
except Exception as error:  # noqa: BLE001 — any import failure means "cannot run here"
    print(f"dogtail is not available: {error}")
    sys.exit(77)

if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("needs a display and a session bus (run under xvfb-run and dbus-run-session)")
    sys.exit(77)


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def wait_for(what, probe, seconds=20):
    """Polls @probe until it returns something true; fails naming @what."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = probe()
        except Exception:  # noqa: BLE001 — the tree changes under us while GTK works
            found = None
        if found:
            return found
        time.sleep(0.3)
    fail(f"timed out waiting for {what}")


def visible(nodes):
    # dogtail's "showing" is unreliable on GTK 4.8; widgets on hidden pages have no size.
    return [n for n in nodes if n.size[0] > 0 and n.size[1] > 0]


def centre(node):
    x, y = node.position
    w, h = node.size
    return x + w // 2, y + h // 2


def cli(db, *args):
    return subprocess.run([CLI, "--db", db, *args], check=True, capture_output=True,
                          text=True, env=dict(os.environ, LC_ALL="C.UTF-8")).stdout


def main():
    work = tempfile.mkdtemp(prefix="kompeten-dogtail-")
    db = os.path.join(work, "demo.db")
    cli(db, "demo")
    events_before = int(cli(db, "audit", "verify").split(":")[1].split()[0].replace(",", ""))

    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", LANGUAGE="",
               GSETTINGS_BACKEND="memory", GSK_RENDERER="cairo")
    env.pop("GTK_A11Y", None)  # the other UI tests turn accessibility off; this one needs it
    app_process = subprocess.Popen([KOMPETEN, "--db", db], env=env)
    try:
        app = wait_for("the application on the accessibility bus",
                       lambda: tree.root.application("kompeten"))
        wait_for("the main window", lambda: [f for f in app.children
                                             if f.name.startswith("demo.db")])

        # Search by NIP: one row, the employee's.
        search = wait_for("the employee search", lambda: visible(
            app.findChildren(GenericPredicate(roleName="entry", name="GtkSearchEntry")))
            or visible(app.findChildren(GenericPredicate(roleName="entry"))))[0]
        search.click()
        rawinput.typeText(NIP)
        row_label = wait_for(f"the row of {OLD_NAME}", lambda: visible(
            app.findChildren(GenericPredicate(roleName="label", name=OLD_NAME))))[0]
        others = visible(app.findChildren(GenericPredicate(roleName="label", name="Sri Sitompul, S.H., M.H.")))
        if others:
            fail("the search did not narrow the table")

        # Open the record: a double-click on the row.
        rawinput.doubleClick(*centre(row_label))
        editor = wait_for("the employee editor", lambda: [f for f in app.children
                                                          if f.name == OLD_NAME])[0]

        # Change the name and save.
        name_row = wait_for("the Name field", lambda: visible(
            editor.findChildren(GenericPredicate(roleName="text", name="Name"))))[0]
        name_row.click()
        rawinput.keyCombo("<Control>a")
        rawinput.typeText(NEW_NAME)
        save = wait_for("an enabled Save button", lambda: [
            b for b in editor.findChildren(GenericPredicate(roleName="push button"))
            if "Save" in b.name and b.sensitive])[0]
        save.click()
        wait_for("the editor to close", lambda: not [f for f in app.children if f.name == OLD_NAME])

        # The table shows the new name (the search still holds the NIP).
        wait_for(f"“{NEW_NAME}” in the table", lambda: visible(
            app.findChildren(GenericPredicate(roleName="label", name=NEW_NAME))))
    finally:
        app_process.terminate()
        app_process.wait(timeout=10)

    # And so does the database, with one more audit event, the chain intact.
    exported = os.path.join(work, "pegawai.csv")
    cli(db, "export", "employees", "--csv", exported)
    with open(exported, encoding="utf-8") as f:
        rows = [line for line in f if line.startswith(NIP)]
    if len(rows) != 1 or NEW_NAME not in rows[0]:
        fail(f"the database does not hold the new name: {rows}")
    events_after = int(cli(db, "audit", "verify").split(":")[1].split()[0].replace(",", ""))
    if events_after != events_before + 1:
        fail(f"expected exactly one new audit event, got {events_after - events_before}")
    shutil.rmtree(work, ignore_errors=True)
    print("ok: searched, opened, changed, saved, and found the change in the table and the log")


if __name__ == "__main__":
    main()
