#!/usr/bin/env python3
"""CPU of the local platform's processes by thread name, between two snapshots (docs/benchmarks.md §20).

    bench/threads.py snap before.json          # while the platform runs
    ... load (or idle) ...
    bench/threads.py snap after.json
    bench/threads.py diff before.json after.json [N]   # N: settlements in between, to print ms per settlement

Reads /proc/<pid>/task/*/stat (user + system ticks, 10 ms each) of every application of the launcher (by its jar),
the Kafka broker and PostgreSQL (a backend by its database); thread names are grouped with digits replaced by '#'.
Without N, prints the share of one core over the seconds between the snapshots.
"""
import collections
import json
import os
import re
import sys
import time


def name_of(cmd):
    if 'KafkaServerMain' in cmd:
        return 'kafka'
    if cmd.startswith('postgres:') or re.search(r'/bin/postgres\b', cmd):
        return 'postgresql'
    if 'local-launcher.jar' in cmd:
        return None
    m = re.search(r'([\w-]+-service|gateway|his-interface)\.jar', cmd)
    return m.group(1) if m else None


def snap():
    res = {}
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            cmd = open(f'/proc/{pid}/cmdline').read().replace('\0', ' ').strip()
        except OSError:
            continue
        name = name_of(cmd)
        if not name:
            continue
        counts = res.setdefault(name, {})
        try:
            tasks = os.listdir(f'/proc/{pid}/task')
        except OSError:
            continue
        for t in tasks:
            try:
                st = open(f'/proc/{pid}/task/{t}/stat').read()
            except OSError:
                continue
            comm = st[st.index('(') + 1:st.rindex(')')]
            fields = st[st.rindex(')') + 2:].split()
            ticks = int(fields[11]) + int(fields[12])
            if name == 'postgresql':
                group = re.sub(r' ?\(\d+\)| (idle|active|SELECT|INSERT|UPDATE|DELETE|COMMIT|BEGIN).*$', '', cmd)
            else:
                group = re.sub(r'\d+', '#', comm)
            counts[group] = counts.get(group, 0) + ticks
    return {'at': time.time(), 'ticks': res}


def diff(a, b, n):
    rows, by_process = [], collections.Counter()
    for p, groups in b['ticks'].items():
        for g, v in groups.items():
            d = v - a['ticks'].get(p, {}).get(g, 0)
            if d > 0:
                rows.append((d, p, g))
                by_process[p] += d
    total = sum(by_process.values())
    seconds = b['at'] - a['at']
    unit = (lambda t: '%7.2f ms' % (t * 10 / n)) if n else (lambda t: '%6.1f %%' % (t * 10 / seconds / 10))
    print('all', unit(total), '(per settlement)' if n else '(of one core over %.0f s)' % seconds)
    for p, t in by_process.most_common():
        print('  %-22s %s' % (p, unit(t)))
    print('by thread:')
    for d, p, g in sorted(rows, reverse=True)[:30]:
        print('  %s  %-22s %s' % (unit(d), p, g))


if __name__ == '__main__':
    if len(sys.argv) >= 3 and sys.argv[1] == 'snap':
        json.dump(snap(), open(sys.argv[2], 'w'))
    elif len(sys.argv) >= 4 and sys.argv[1] == 'diff':
        diff(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    else:
        print(__doc__)
        sys.exit(2)
