#!/usr/bin/env python3
"""`quotecheck batch` prints what `check --format jsonl` prints, byte for byte.

    tests/e2e/batch_equal.py [--bin PATH] [--engine local|slurm] [--shared DIR] [--quick]

For each input set, `check --format jsonl` once, then `batch --engine ENGINE` with each
(shards S, partitions H, blocks B) of the grid, each in a fresh work directory; the two outputs
must be equal but for the summary's "seconds", and so must the exit status. The grid on the
fixtures: every (S, B) in {1, 2, 3, 7}², H rotating through {1, 2, 3, 7} so that every pair of
the three meets every pair of values; on the stores (and with --quick), four diagonal triples.
Input sets:
  * fixtures/check with its --reference (a primary source) and --links all;
  * fixtures/cases (one behaviour per article), --links all;
  * invented articles written by the test for the awkward cases (awkward_articles);
  * a generated quote store (scripts/gen_quote_store.py, 3000 quotations) as one file, cut by
    the plan inside the file (at line starts), so that shards hold different documents and
    equal quotations, short quotations and their containers, and common shingles fall in
    different shards;
  * an awkward store (awkward_store): malformed lines, quotations before their document's
    record, the same documents twice; check's error lines (path:line:col) must be printed too;
  * a generated viral store (scripts/gen_viral_store.py): one quotation in thousands of
    outlets, a giant cluster whose links span every block;
  * the seeds and NewsWCL50 of ../shared (read-only real data) when they exist.
Then the rerun cases: a task's output removed is redone alone with the tasks after it; (local
engine) a running decide task killed with SIGKILL fails the run, leaves nothing a rerun takes as
done, and the rerun redoes only it and the phases after it (kill_case); a task that fails is reported with its log and rerun command, and the rerun
finishes with the same bytes.
Ends with "batch: N passed, N failed" (NAME "batch-slurm" with --engine slurm).
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 900
SECONDS = re.compile(rb'"seconds":[0-9.e+-]+')


def masked(data):
    return SECONDS.sub(b'"seconds":0', data)


def run(cmd, **kw):
    return subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=TIMEOUT, **kw)


def split_store(store, parts, out_dir):
    """The store's documents (a document record and the quotes after it) in `parts` files."""
    docs, current = [], []
    for line in Path(store).read_bytes().splitlines(keepends=True):
        kind = json.loads(line).get("type") if line.strip() else None
        if kind == "document" and current:
            docs.append(current)
            current = []
        if kind == "summary":
            continue
        current.append(line)
    if current:
        docs.append(current)
    assert len(docs) >= parts, "a store of fewer documents than parts"
    paths = []
    for k in range(parts):
        path = Path(out_dir) / f"part-{k}.jsonl"
        with open(path, "wb") as f:
            for doc in docs[len(docs) * k // parts:len(docs) * (k + 1) // parts]:
                f.writelines(doc)
        paths.append(str(path))
    return paths


def awkward_store(store, out):
    """A quote store written for the cases a cut inside a store could get wrong: the store's
    first 400 lines, with a malformed line and a record of no "type" in the middle (their
    errors must name the store's own line numbers), a document's quotations moved before its
    record, and the first 60 lines again at the end (the same documents given twice: a record
    of an id that already had one opens another document)."""
    lines = [ln for ln in Path(store).read_bytes().splitlines(keepends=True)
             if b'"summary"' not in ln][:400]
    docs = [i for i, ln in enumerate(lines) if b'"document"' in ln]
    k = docs[len(docs) // 2]  # a record, then its quotations: the quotations first
    end = next((i for i in docs if i > k), len(lines))
    lines[k:end] = lines[k + 1:end] + [lines[k]]
    lines.insert(150, b'{"type": "quote", "doc": broken\n')
    lines.insert(260, b'{"doc": "no-type"}\n')
    Path(out).write_bytes(b"".join(lines + lines[:60]))
    return str(out)


def mkdir(path):
    path.mkdir(parents=True, exist_ok=True)
    return path


def awkward_articles(out_dir):
    """Invented articles for the cases where cutting the work could change the result: a
    4-gram in more quotations than the document-frequency cap (64), spread over every shard;
    a short quotation in the first file and the sentence that holds it in the last; one
    document quoting the same words two ways; a primary source (given with --reference)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    speakers = ["Mayor Ilse Varga", "Harbour master Tomas Relk", "Councillor Aino Brisk"]
    endings = ["the ferry will run", "the pier stays open", "the tolls will fall",
               "the night buses return", "the market moves inland", "the lighthouse is lit"]
    paths = []
    first = out_dir / "a00-short.txt"
    first.write_text('Residents of Quillhaven gathered on Monday. "We will rebuild," '
                     'Mayor Ilse Varga said.\n')
    paths.append(first)
    for k in range(80):  # the shared opening is one 4-gram in 80 quotations: over the cap
        path = out_dir / f"b{k:02d}-wire.txt"
        speaker = speakers[k % len(speakers)]
        path.write_text(f'Quillhaven Wire, story {k}.\n\n"At the end of the day, '
                        f'{endings[k % len(endings)]} on day {k}," {speaker} said on Tuesday.\n')
        paths.append(path)
    twice = out_dir / "c00-twice.txt"
    twice.write_text('"The harbour wall will hold until March," Tomas Relk said in the morning.'
                     '\n\nBy evening he told reporters: "The harbour wall will hold until May."\n')
    paths.append(twice)
    last = out_dir / "z99-container.txt"
    last.write_text('Ilse Varga spoke after the storm. "After the storm we will rebuild the '
                    'harbour wall stone by stone," she said.\n')
    paths.append(last)
    primary = out_dir / "primary-statement.txt"
    primary.write_text('STATEMENT BY THE MAYOR OF QUILLHAVEN\n\n"After the storm we will rebuild '
                       'the harbour wall stone by stone," Mayor Ilse Varga said.\n')
    return ["--links", "all", "--reference", str(primary)] + [str(p) for p in paths]


def task_pid(work, phase, index):
    """The pid of the running `batch-task --work WORK PHASE INDEX`, from /proc."""
    want = ["batch-task", "--work", str(work), phase, str(index)]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if argv[1:6] == want:
            return int(entry.name)
    return None


# The phases after decide, which a run killed in a decide task never reached: their outputs
# removed, and their progress lines when the rerun runs them all.
AFTER_DECIDE = ["clusters.bin", "findings/tally-0.bin", "findings/tally-1.bin",
                "findings/tally-2.bin", "report.status"]
AFTER_DECIDE_RUN = ["clusters: 1 task(s), 1 to run", "findings: 3 task(s), 3 to run",
                    "write: 1 task(s), 1 to run"]


def remove_after_decide(work):
    for name in AFTER_DECIDE:
        (work / name).unlink(missing_ok=True)


def after_decide_ran(err):
    return all(line in err for line in AFTER_DECIDE_RUN)


def only_decide_1_and_after(err, engine):
    """Whether a rerun's progress lines (3 shards, 2 partitions, 3 blocks) say that only decide
    task 1 and the phases after decide ran."""
    if engine == "local":
        return ("read: 3 task(s), 0 to run" in err and "groups: 1 task(s), 0 to run" in err
                and "shingles: 2 task(s), 0 to run" in err and "count: 3 task(s), 0 to run" in err
                and "decide: 3 task(s), 1 to run" in err and after_decide_ran(err))
    return ("read: 3 task(s), all done before" in err
            and "groups: 1 task(s), all done before" in err
            and "shingles: 2 task(s), all done before" in err
            and "count: 3 task(s), all done before" in err
            and re.search(r"decide: 3 task\(s\), 1 submitted", err) is not None
            and re.search(r"clusters: 1 task\(s\), 1 submitted", err) is not None
            and re.search(r"findings: 3 task\(s\), 3 submitted", err) is not None
            and re.search(r"write: 1 task\(s\), 1 submitted", err) is not None)


def kill_case(base, work, want, result, engine):
    """A decide task killed (SIGKILL) while it runs, then the same batch run again. The test
    holds the task at a point it controls: groups.bin, which decide reads first, is made a FIFO
    holding the same bytes, so the task blocks on it; when the test's open for writing returns,
    the task is running with the file open. The test feeds it half the bytes and kills it: the
    run must fail naming the task, leave no output a rerun takes as done, and the rerun must
    redo only that task and the phases after it, giving the same bytes. On the Slurm engine the
    task is the array task slurmd started (on this one-node cluster, a process of this machine):
    its job fails, the later phases' jobs are cancelled by their afterok dependency."""
    groups = work / "groups.bin"
    data = groups.read_bytes()
    (work / "decide" / "block-1.bin").unlink()
    remove_after_decide(work)
    groups.unlink()
    os.mkfifo(groups)
    proc = subprocess.Popen(base, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_err = {}

    def wait_batch():
        out_err["out"], out_err["err"] = proc.communicate(timeout=TIMEOUT)
        # The batch ended without opening the FIFO: release the test's open.
        fd = os.open(groups, os.O_RDONLY | os.O_NONBLOCK)
        os.close(fd)

    waiter = threading.Thread(target=wait_batch)
    waiter.start()
    pid = None
    with open(groups, "wb") as fifo:  # returns once the decide task has opened groups.bin
        pid = task_pid(work, "decide", 1) if proc.poll() is None else None
        if pid is not None:
            try:
                fifo.write(data[:len(data) // 2])
                fifo.flush()
            except BrokenPipeError:
                pass
            os.kill(pid, signal.SIGKILL)
    waiter.join()
    err = out_err.get("err", b"").decode(errors="replace")
    result(pid is not None, "kill: the decide task found running", err[-400:])
    why = "killed by signal 9" if engine == "local" else "no output; see its log"
    result(proc.returncode == 2 and f"decide task 1 failed ({why})" in err
           and "log: " in err and not out_err.get("out"),
           "kill: the run fails naming the killed task", err[-600:])
    leftovers = [p.name for p in (work / "decide").iterdir() if p.name.startswith("block-1.bin")]
    result(not leftovers and not (work / "report.status").exists(),
           "kill: the killed task left no output a rerun takes as done", str(leftovers))
    groups.unlink()
    groups.write_bytes(data)
    # What a task killed while writing leaves: a partial temporary file, never taken as done.
    (work / "decide" / "block-1.bin.tmp-999999").write_bytes(b"partial")
    again = run(base)
    err = again.stderr.decode(errors="replace")
    result(masked(again.stdout) == masked(want.stdout) and again.returncode == want.returncode,
           "kill: the rerun gives the same bytes", err[-400:])
    result(only_decide_1_and_after(err, engine)
           and not (work / "decide" / "block-1.bin.tmp-999999").exists(),
           "kill: the rerun redoes only the killed task and the phases after it", err[-600:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("QUOTECHECK_BIN", "build/quotecheck"))
    ap.add_argument("--engine", default="local", choices=["local", "slurm"])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--quick", action="store_true", help="a smaller grid (the slurm suite)")
    opts = ap.parse_args()
    name = "batch" if opts.engine == "local" else "batch-slurm"
    binary = str(Path(opts.bin).resolve())
    passed = failed = 0

    def result(ok, label, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {label}" + (f": {detail}" if detail else ""))

    tmp = Path(tempfile.mkdtemp(prefix="qc-batch-", dir=os.environ.get("QC_BATCH_TMP")))
    try:
        store = tmp / "store.jsonl"
        gen = run([sys.executable, "scripts/gen_quote_store.py", "--out", str(store),
                   "--quotes", "3000"])
        viral = tmp / "viral.jsonl"
        genv = run([sys.executable, "scripts/gen_viral_store.py", str(viral), "--outlets", "3000",
                    "--negated", "20", "--variants", "40", "--fragments", "30"])
        result(gen.returncode == 0 and genv.returncode == 0, "generate stores",
               (gen.stderr + genv.stderr).decode(errors="replace")[-300:])
        cases = [
            ("fixtures/check", ["--links", "all", "--reference",
                                "fixtures/check/reference/tsb-statement.txt",
                                "fixtures/check/sources"]),
            ("fixtures/cases", ["--links", "all", "fixtures/cases"]),
            ("fixtures/awkward", awkward_articles(tmp / "awkward")),
            # One file: cut inside it at every S > 1 (the plan cuts stores at line starts).
            ("generated store", [str(store)] if store.exists() else []),
            ("awkward store", [awkward_store(store, tmp / "awkward.jsonl")]
             if store.exists() else []),
            ("viral store", split_store(viral, 4, mkdir(tmp / "v")) if viral.exists() else []),
        ]
        seeds = Path(opts.shared) / "seeds"
        if seeds.is_dir():
            cases.append(("seeds", [str(seeds)]))
        newswcl50 = Path(opts.shared) / "newswcl50" / "articles.jsonl"
        if newswcl50.is_file():  # one JSONL corpus: one shard reads it, H and B still cut
            cases.append(("newswcl50", ["--links", "all", str(newswcl50)]))
        values = (1, 2, 3, 7)
        full = [(values[i], values[(i + j) % 4], values[j]) for i in range(4) for j in range(4)]
        diagonal = [(1, 1, 1), (2, 7, 3), (3, 2, 7), (7, 3, 2)]
        work_n = 0
        for label, args in cases:
            if not args:
                continue
            want = run([binary, "check", "--format", "jsonl"] + args)
            grid = full if label.startswith("fixtures") and not opts.quick else diagonal
            if label == "fixtures/awkward":  # in one shard and in one file a shard
                grid = grid + [(83, 2, 3)]
            for shards, partitions, blocks in grid:
                work_n += 1
                work = tmp / f"work-{work_n}"
                got = run([binary, "batch", "--engine", opts.engine, "--work", str(work),
                           "--shards", str(shards), "--partitions", str(partitions),
                           "--blocks", str(blocks)] + args)
                same = masked(got.stdout) == masked(want.stdout) and got.returncode == want.returncode
                # The diagnostics check prints (path:line:col: …) are printed the same.
                errors = [ln for ln in want.stderr.splitlines() if b": error: " in ln]
                same = same and all(ln in got.stderr.splitlines() for ln in errors)
                result(same and len(want.stdout) > 0,
                       f"{label} S={shards} H={partitions} B={blocks}",
                       f"exit {got.returncode} vs {want.returncode}; "
                       + got.stderr.decode(errors="replace")[-600:])
                shutil.rmtree(work, ignore_errors=True)

        # Reruns (both engines): a missing output is redone with what comes after it, nothing else.
        args = split_store(store, 6, mkdir(tmp / "r"))
        want = run([binary, "check", "--format", "jsonl"] + args)
        work = tmp / "rerun"
        base = [binary, "batch", "--engine", opts.engine, "--work", str(work), "--shards", "3",
                "--partitions", "2", "--blocks", "3"] + args
        first = run(base)
        result(masked(first.stdout) == masked(want.stdout), "rerun: first run")
        (work / "decide" / "block-1.bin").unlink(missing_ok=True)
        remove_after_decide(work)
        again = run(base)
        err = again.stderr.decode(errors="replace")
        result(masked(again.stdout) == masked(want.stdout), "rerun: same bytes", err[-400:])
        result(only_decide_1_and_after(err, opts.engine),
               "rerun: only the missing task and those after it", err[-600:])
        kill_case(base, work, want, result, opts.engine)

        # A failing task: its decide output cannot be written (the directory is a file).
        work = tmp / "failing"
        base = [binary, "batch", "--engine", opts.engine, "--work", str(work), "--shards", "2",
                "--blocks", "2"] + args
        work.mkdir()
        (work / "decide").write_text("in the way\n")
        failing = run(base)
        err = failing.stderr.decode(errors="replace")
        result(failing.returncode == 2 and "decide task 0 failed" in err and "log: " in err
               and "batch-task --work" in err and not failing.stdout,
               "failure: reported with its log and rerun command", err[-600:])
        (work / "decide").unlink()
        fixed = run(base)
        result(masked(fixed.stdout) == masked(want.stdout), "failure: the rerun gives the same bytes",
               fixed.stderr.decode(errors="replace")[-400:])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{name}: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
