#!/usr/bin/python3
# Fill a report (Writer) or a tracking book (Calc) inside LibreOffice itself,
# through its UNO API, as a unit clerk does at the keyboard, then "Save as"
# each asked format. LibreOffice writes the whole package again (its styles,
# rsids, runs split where the typing went, its own bookmarks and properties):
# that file is what plan collect must read back.
#
#   /usr/bin/python3 lo-fill.py SPEC.json
#
# SPEC: {"profile": DIR (else a new one), "jobs": [JOB, ...]}, one LibreOffice start for
# all the jobs (one session); relative paths are from the current folder;
# JOB: {"input": FILE, "outputs": [[FILE, FILTER], ...],
#        "writer": {"number": "15/BC-UBND", "date": "ngày 17 tháng 5 năm 2024",
#                   "tasks": [{"heading": "Nhiệm vụ 1.3:", "status": "Hoàn thành",
#                              "paragraphs": ["line\nline (Shift+Enter)", "next paragraph"],
#                              "tick": ["a deliverable whose box ☐ becomes ☒"]}]}
#        | "calc": {"sheet": NAME, "rows": [{"key": "task|0|1.1", "status": "Hoàn thành",
#                   "done": [2024, 4, 12], "note": "a\nb (Ctrl+Enter)"}]}}
# An output may be [FILE, FILTER, OPTIONS] (the filter's options, as --convert-to takes them after the name).
# JOB "before": [[FILE, FILTER(, OPTIONS)], ...] saves the file as opened, before the typing.
# JOB "inspect": FILE writes, before the typing, what Calc makes of the sheet (inspect_calc).
# A status must be one of the cell's drop-down choices (refused otherwise, as
# the drop-down refuses it). Needs python3-uno (Debian: python3-uno).
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.sheet.ValidationType import LIST
from com.sun.star.text.ControlCharacter import LINE_BREAK, PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile, pipe):
    soffice = subprocess.Popen(
        ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--invisible', '--norestore', '--nologo',
         f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext'],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 120
    while True:
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            break
        except Exception:
            if time.time() > deadline or soffice.poll() is not None:
                soffice.kill()
                raise SystemExit('LibreOffice did not start')
            time.sleep(0.3)
    desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    return soffice, desktop


def found(doc, pattern, regex=False):
    """Where Writer's own search (Find & Replace) finds `pattern`, in document order, table cells included."""
    d = doc.createSearchDescriptor()
    d.SearchString = pattern
    d.SearchRegularExpression = regex
    hits = doc.findAll(d)
    return [hits.getByIndex(i) for i in range(hits.getCount())]


def paragraphs_after(start, stop):
    """The paragraphs after the one holding `start`, up to the first that matches `stop` (each a range over the whole
    paragraph, as a cursor Writer keeps in place while text is typed before it)."""
    text = start.getText()
    cursor = text.createTextCursorByRange(start.getStart())
    out = []
    while cursor.gotoNextParagraph(False):
        par = text.createTextCursorByRange(cursor)
        par.gotoEndOfParagraph(True)
        if re.match(stop, par.getString()):
            break
        out.append(par)
    return out


def type_over(par, old, new):
    """Select `old` in the paragraph and type `new` over it, lines typed with Shift+Enter."""
    text = par.getText()
    cursor = text.createTextCursorByRange(par.getStart())
    s = par.getString()
    at = s.index(old)
    cursor.goRight(at, False)
    cursor.goRight(len(old), True)
    cursor.setString('')
    for i, line in enumerate(new.split('\n')):
        if i:
            text.insertControlCharacter(cursor, LINE_BREAK, False)
        text.insertString(cursor, line, False)
    return cursor


def fill_writer(doc, spec):
    # Found by Writer's search rather than by walking every paragraph and table cell: each UNO call is a round
    # trip to LibreOffice, and a walk of the report's 292 paragraphs was ~1 s of CPU.
    if spec.get('number'):
        for p in found(doc, '^Số:.*$', regex=True):
            s = p.getString()
            type_over(p, s[len('Số:'):], ' ' + spec['number'])
    if spec.get('date'):
        for m in found(doc, r'ngày \d+ tháng \d+ năm \d{4}', regex=True):
            type_over(m, m.getString(), spec['date'])
    for task in spec.get('tasks', []):
        heading = found(doc, task['heading'])
        if not heading:
            raise SystemExit(f"no heading {task['heading']!r}")
        for p in paragraphs_after(heading[0], r'II\.|\d+\. Nhiệm vụ [^:]+:'):
            s = p.getString()
            if s.startswith('☐') and s[1:].strip() in task.get('tick', []):
                # Insert › Symbol › ☒ over the box.
                type_over(p, '☐', '☒')
            if task.get('status') and s.startswith('Tình trạng:'):
                type_over(p, s[len('Tình trạng:'):], ' ' + task['status'])
            if task.get('paragraphs') and s.strip() == '[Nội dung kết quả]':
                first, *rest = task['paragraphs']
                cursor = type_over(p, s, first)
                for extra in rest:
                    # Enter at the end of the typed text, then the next paragraph.
                    p.getText().insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
                    for j, line in enumerate(extra.split('\n')):
                        if j:
                            p.getText().insertControlCharacter(cursor, LINE_BREAK, False)
                        p.getText().insertString(cursor, line, False)


def inspect_calc(doc, sheet_name):
    """What Calc itself makes of a unit sheet before anyone types: each row's key with its status drop-down,
    the type and shown text of its deadline cell, and the conditional formats on the row."""
    sheet = doc.getSheets().getByName(sheet_name)
    used = sheet.createCursor()
    used.gotoEndOfUsedArea(False)
    last_row = used.getRangeAddress().EndRow
    last_col = used.getRangeAddress().EndColumn
    rows = []
    for r in range(2, last_row + 1):
        key = sheet.getCellByPosition(last_col, r).getString()
        if not key:
            continue
        status = sheet.getCellByPosition(7, r)
        deadline = sheet.getCellByPosition(6, r)
        formats = sheet.getCellByPosition(0, r).ConditionalFormat
        conditions = []
        for i in range(formats.getCount()):
            entry = formats.getByIndex(i)
            style = doc.getStyleFamilies().getByName('CellStyles').getByName(entry.getStyleName())
            conditions.append({'formula': entry.getFormula1(), 'background': f'{style.CellBackColor & 0xFFFFFF:06X}'})
        rows.append({
            'key': key,
            'dropdown': [c.strip().strip('"') for c in status.Validation.Formula1.split(';')] if status.Validation.Type == LIST else [],
            'deadlineType': deadline.getType().value,
            'deadlineText': deadline.getString(),
            'deadlineValue': deadline.getValue(),
            'conditions': conditions,
            'statusLocked': status.CellProtection.IsLocked,
        })
    return {'sheet': sheet_name, 'protected': sheet.isProtected(), 'rows': rows}


def fill_calc(doc, spec):
    sheet = doc.getSheets().getByName(spec['sheet'])
    used = sheet.createCursor()
    used.gotoEndOfUsedArea(False)
    last_row = used.getRangeAddress().EndRow
    last_col = used.getRangeAddress().EndColumn
    # The key column is the last one (hidden); find each row by its key.
    keys = {sheet.getCellByPosition(last_col, r).getString(): r for r in range(last_row + 1)}
    status_col = 7
    done_col = 8
    note_col = 9
    for row in spec['rows']:
        r = keys.get(row['key'])
        if r is None:
            raise SystemExit(f"no row {row['key']!r}")
        if 'status' in row:
            cell = sheet.getCellByPosition(status_col, r)
            # Calc keeps the list as "a";"b";"c".
            choices = [c.strip().strip('"') for c in cell.Validation.Formula1.split(';')]
            if row['status'] not in choices:
                raise SystemExit(f"{row['status']!r} is not in the drop-down {choices}")
            cell.setString(row['status'])
        if 'done' in row:
            # Typed 12/04/2024 in a date cell: Calc keeps the day number, shown in the cell's date format.
            y, m, d = row['done']
            sheet.getCellByPosition(done_col, r).setValue((date(y, m, d) - date(1899, 12, 30)).days)
        if 'doneText' in row:
            sheet.getCellByPosition(done_col, r).setString(row['doneText'])
        if 'note' in row:
            sheet.getCellByPosition(note_col, r).setString(row['note'])


def store(doc, outputs):
    for out, filt, *options in outputs:
        props = (prop('FilterName', filt), prop('Overwrite', True)) + tuple(prop('FilterOptions', o) for o in options)
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), props)


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        spec = json.load(f)
    profile = spec.get('profile') or tempfile.mkdtemp(prefix='lo-fill-')
    soffice, desktop = connect(profile, f"lofill{os.getpid()}")
    try:
        for job in spec['jobs']:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(job['input'])), '_blank', 0, (prop('Hidden', True),))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {job['input']}")
            store(doc, job.get('before', []))
            if 'writer' in job:
                fill_writer(doc, job['writer'])
            if 'inspect' in job:
                with open(job['inspect'], 'w', encoding='utf-8') as f:
                    json.dump(inspect_calc(doc, job['calc']['sheet']), f, ensure_ascii=False)
            if 'calc' in job:
                fill_calc(doc, job['calc'])
            store(doc, job['outputs'])
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            soffice.wait(timeout=30)
        except subprocess.TimeoutExpired:
            soffice.kill()
        if not spec.get('profile'):
            shutil.rmtree(profile, ignore_errors=True)


main()
