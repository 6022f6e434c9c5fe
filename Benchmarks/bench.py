"""The side-by-side benchmark behind `Benchmarks/run`: Warraq and its peers on the same inputs in one run.

Warraq is timed as a process (start-up included, which only counts against it); the peers are
timed inside their own process on pages already in memory (Benchmarks/peers.py). Peak RSS is the
process's own maximum resident set, from wait4(2) or getrusage(2). Times are the best of
--repeat runs, since the machine is shared. Results go to stdout as tables and to
.build/bench/results.json.
"""
import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".build/bench"
SUMMARY = re.compile(r"; (\d+) documents?,")


class Measured:
    """What one process did: wall and CPU seconds, peak RSS in KiB (wait4; never below the forking
    Python's own ~15 MiB), its stderr, and, when it was stopped at the time limit, how many bytes
    it had read by then."""

    def __init__(self, seconds, cpu, maxrss_kib, stderr, stopped_after_bytes=None):
        self.seconds, self.cpu, self.maxrss_kib, self.stderr = seconds, cpu, maxrss_kib, stderr
        self.stopped_after_bytes = stopped_after_bytes


def bytes_read(pid):
    """`rchar` of /proc/PID/io: bytes the process has read so far."""
    try:
        return int(re.search(r"rchar: (\d+)", Path(f"/proc/{pid}/io").read_text()).group(1))
    except (OSError, AttributeError):
        return 0


def run_measured(command, stdin=None, limit=None):
    """Runs `command` with stdout discarded, stopping it after `limit` seconds when given. The
    wait blocks, so the wall time ends when the process does."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    chunks = []
    reader = threading.Thread(target=lambda: chunks.append(process.stderr.read()))
    reader.start()
    stopped = []

    def stop():
        stopped.append(bytes_read(process.pid))
        process.kill()

    timer = threading.Timer(limit, stop) if limit else None
    if timer:
        timer.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if timer:
        timer.cancel()
    reader.join()
    stderr = b"".join(chunks).decode("utf-8", "replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    if not stopped and process.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(map(str, command))} exited {process.returncode}:\n{stderr}")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, stderr, stopped[0] if stopped else None)


def faster(best, measured):
    """The quicker of two measured runs (`best` may be None)."""
    return measured if best is None or measured.seconds < best.seconds else best


def spawn_measured(command):
    """Wall and CPU seconds of one run of `command`, started with posix_spawn, its output and
    errors sent to /dev/null: nothing but the process itself is timed."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(command[0], command, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)])
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - start
    finally:
        os.close(null)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(command)} exited {os.waitstatus_to_exitcode(status)}")
    return seconds, usage.ru_utime + usage.ru_stime


def directory_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


class Bench:
    def __init__(self, args):
        self.args = args
        self.warraq = str(Path(args.warraq).resolve())
        self.rows = []      # (task, input, MB/s, docs/s, peak RSS MiB)
        self.results = {}

    # Inputs

    def corpus(self, name, size, one_file=False):
        """A generated corpus under .build/bench, made again when the flags that made it change."""
        target = WORK / name
        stamp = WORK / f"{name}.stamp"
        flags = ["--size", size, "--seed", str(self.args.seed)] + (["--one-file"] if one_file else [])
        if not (stamp.exists() and stamp.read_text() == " ".join(flags) and target.exists()):
            subprocess.run(["rm", "-rf", str(target)], check=True)
            start = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "Benchmarks/make-corpus"), str(target)] + flags, check=True)
            print(f"bench: generated {name} ({size}) in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            stamp.write_text(" ".join(flags))
        return target

    def html_pages(self):
        """The dev pages, gunzipped once, so Warraq and the peers read the same bytes."""
        source = Path(self.args.html)
        target = WORK / "html"
        if not target.exists():
            target.mkdir(parents=True)
            for index, page in enumerate(sorted(source.rglob("*.html.gz"))):
                (target / f"{index:03d}-{page.name[:-3]}").write_bytes(gzip.decompress(page.read_bytes()))
        pages = sorted(target.glob("*.html"))
        if self.args.quick:
            pages = pages[: max(1, len(pages) // 4)]
        return pages

    # Measurements

    def warraq_run(self, task, label, arguments, input_bytes, stdin=None, repeat=None, limit=None):
        """Best of --repeat runs of `warraq convert ARGUMENTS`; records a row and returns its numbers.
        A run stopped at `limit` seconds counts the bytes it had read, and its documents as unknown."""
        best = None
        for _ in range(repeat or self.args.repeat):
            if stdin is not None:
                stdin.seek(0)
            best = faster(best, run_measured([self.warraq, "convert"] + arguments, stdin=stdin, limit=limit))
        return self.record_warraq(task, label, best, input_bytes, limit)

    def warraq_runs_interleaved(self, runs, input_bytes):
        """Best of --repeat rounds of the runs `(task, label, arguments)`, one of each per round:
        the host's speed drifts over minutes, so runs whose ratio is reported take turns rather
        than running all of one first. Returns their numbers in order."""
        best = [None] * len(runs)
        for _ in range(self.args.repeat):
            for index, (_, _, arguments) in enumerate(runs):
                best[index] = faster(best[index], run_measured([self.warraq, "convert"] + arguments))
        return [self.record_warraq(task, label, measured, input_bytes, None)
                for (task, label, _), measured in zip(runs, best)]

    def record_warraq(self, task, label, best, input_bytes, limit):
        found = SUMMARY.search(best.stderr)
        result = {"seconds": best.seconds, "cpu_seconds": best.cpu, "bytes": input_bytes,
                  "documents": int(found.group(1)) if found else 0, "maxrss_kib": best.maxrss_kib}
        if best.stopped_after_bytes is not None:
            result.update(stopped=True, bytes_read=best.stopped_after_bytes)
            label += f", stopped at {limit:.0f} s with {best.stopped_after_bytes / 2**20:.0f} MiB read"
        self.record(task, label, result)
        return result

    def peer_pass(self, peer, pages):
        """One timed pass of a peer over the preloaded pages (its start-up is not timed)."""
        python = Path(self.args.peer_python)
        output = subprocess.run(
            [str(python), str(ROOT / "Benchmarks/peers.py"), peer, "--repeat", "1"] + [str(p) for p in pages],
            check=True, capture_output=True, text=True).stdout
        return json.loads(output)

    def record(self, task, label, result):
        self.results[task] = result
        finished = not result.get("stopped")
        row = (task, label, result["bytes"] / result["seconds"] / 1e6 if finished else None,
               result["documents"] / result["seconds"] if finished else None, result["maxrss_kib"] / 1024)
        self.rows.append(row)
        print("bench: " + self.format_row(*row), file=sys.stderr)
        (WORK / "results.json").write_text(json.dumps(self.results, indent=2, ensure_ascii=False))

    @staticmethod
    def format_row(task, label, mbs, docs, rss):
        """A table line; a run stopped at the time limit has no rates."""
        rates = f"{mbs:>8.2f} {docs:>9.1f}" if mbs is not None else f"{'—':>8} {'—':>9}"
        return f"{task:<38} {label:<18} {rates} {rss:>7.1f} MiB"

    def startup(self, arguments):
        """Wall and CPU time of `warraq ARGUMENTS`, in ms, each as median and best of --startup-runs
        runs: on a loaded machine the wall time is mostly waiting for a core, the CPU time is not."""
        wall, cpu = [], []
        for _ in range(self.args.startup_runs):
            seconds, cpu_seconds = spawn_measured([self.warraq] + arguments)
            wall.append(seconds * 1000)
            cpu.append(cpu_seconds * 1000)
        return {"wall_median": statistics.median(wall), "wall_best": min(wall),
                "cpu_median": statistics.median(cpu), "cpu_best": min(cpu), "runs": len(wall)}

    # The run

    def run(self):
        quick = self.args.quick
        WORK.mkdir(parents=True, exist_ok=True)
        html_available = Path(self.args.html).is_dir()
        if html_available:
            pages = self.html_pages()
            html_bytes = sum(p.stat().st_size for p in pages)
            listing = WORK / "html-pages.list"
            listing.write_text("".join(f"{p}\n" for p in pages))
            label = f"dev html ({len(pages)})"
            peers = {"trafilatura-txt": "trafilatura extract TXT", "trafilatura-tei": "trafilatura extract XML-TEI",
                     "resiliparse": "resiliparse main_content"}
            writers = ("jsonl", "tei")
            # Peers and warraq take turns, a pass of each per round, so the host's drift over
            # minutes does not bias the ratios; the best pass of each is kept.
            best_peer, best_warraq = {}, {}
            for _ in range(self.args.repeat):
                for peer in peers:
                    result = self.peer_pass(peer, pages)
                    if peer not in best_peer or result["seconds"] < best_peer[peer]["seconds"]:
                        best_peer[peer] = result
                for writer in writers:
                    with open(listing, "rb") as paths:
                        arguments = ["-f", "html", "-t", writer, "--jobs", "1", "--files-from", "-"]
                        best_warraq[writer] = faster(best_warraq.get(writer), run_measured([self.warraq, "convert"] + arguments, stdin=paths))
            for peer, task in peers.items():
                self.record(task, label, best_peer[peer])
            for writer in writers:
                self.record_warraq(f"warraq html→{writer} --jobs 1", label, best_warraq[writer], html_bytes, None)
        else:
            print(f"bench: {self.args.html} not found; HTML comparisons skipped", file=sys.stderr)

        corpus = self.corpus("corpus-small" if quick else "corpus", "20M" if quick else "100M")
        corpus_bytes = directory_bytes(corpus)
        corpus_label = f"corpus {corpus_bytes / 2**20:.0f} MiB"
        one, two = self.warraq_runs_interleaved(
            [(f"warraq scrape→jsonl --jobs {jobs}", corpus_label, ["-f", "scrape", "--jobs", str(jobs), str(corpus)]) for jobs in (1, 2)],
            corpus_bytes)

        memory = {}
        for size in (["10M", "100M"] if quick else ["100M", "1G"]):
            single = self.corpus(f"one-{size}", size, one_file=True)
            memory[size] = self.warraq_run(f"warraq scrape→jsonl one {size} file", f"1 file {size}",
                                           ["-f", "scrape", str(single)], single.stat().st_size,
                                           repeat=1, limit=self.args.memory_limit)

        seed_file = self.corpus("seed-sized.txt", "8K", one_file=True)
        startup = {
            "version": self.startup(["--version"]),
            "seed file": self.startup(["convert", str(seed_file)]),
        }
        self.results["startup_ms"] = startup
        self.results["many_files_maxrss_kib"] = one["maxrss_kib"]

        self.print_tables(html_available, one, two, memory, startup)
        (WORK / "results.json").write_text(json.dumps(self.results, indent=2, ensure_ascii=False))

    def print_tables(self, html_available, one, two, memory, startup):
        print(f"\n{'run':<38} {'input':<18} {'MB/s':>8} {'docs/s':>9} {'peak RSS':>10}")
        for row in self.rows:
            print(self.format_row(*row))

        def rate(name):
            r = self.results[name]
            return r["documents"] / r["seconds"]

        print(f"\n{'measure':<48} {'measured':>12}   goal")
        if html_available:
            ours = {"jsonl": rate("warraq html→jsonl --jobs 1"), "tei": rate("warraq html→tei --jobs 1")}
            for writer, peer, goal in (("jsonl", "trafilatura extract TXT", "≥ 20×"),
                                       ("tei", "trafilatura extract XML-TEI", "≥ 20×"),
                                       ("jsonl", "resiliparse main_content", "≥ 1.0×")):
                print(f"{'html→' + writer + ' docs/s vs ' + peer:<48} {ours[writer] / rate(peer):>11.2f}×   {goal}")
                rss = self.results[peer]["maxrss_kib"] / max(1, self.results[f'warraq html→{writer} --jobs 1']['maxrss_kib'])
                print(f"{'  peak RSS, ' + peer + ' / warraq':<48} {rss:>11.2f}×")
        print(f"{'scrape→jsonl, one core':<48} {one['bytes'] / one['seconds'] / 1e6:>8.1f} MB/s   ≥ 150 MB/s")
        print(f"{'--jobs 2 vs --jobs 1 (scrape corpus)':<48} {one['seconds'] / two['seconds']:>11.2f}×   ≥ 1.8×")
        # Over 1.0, the two workers cost more CPU for the same work than one: contention, not idling.
        print(f"{'  CPU time, --jobs 2 / --jobs 1':<48} {two['cpu_seconds'] / one['cpu_seconds']:>11.2f}×")
        sizes = list(memory)
        rss = " / ".join(("≥" if memory[s].get("stopped") else "") + f"{memory[s]['maxrss_kib'] / 1024:.0f}" for s in sizes)
        print(f"{'peak RSS converting ' + ' / '.join(sizes) + ' (one file)':<48} {rss:>8} MiB   ≤ 64 MiB, flat")
        print(f"{'peak RSS, many files (the corpus above)':<48} {one['maxrss_kib'] / 1024:>8.0f} MiB   ≤ 64 MiB")
        for name, label, goal in (("seed file", "start-up + one seed-sized file", "   ≤ 30 ms"),
                                  ("version", "  warraq --version alone", "")):
            times = startup[name]
            print(f"{label + ', wall (median, best)':<48} {times['wall_median']:>5.1f}, {times['wall_best']:.1f} ms{goal}")
            print(f"{'    its CPU time (median, best)':<48} {times['cpu_median']:>5.1f}, {times['cpu_best']:.1f} ms")

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warraq", default=str(ROOT / ".build/release/warraq"))
    parser.add_argument("--peer-python", default=str(ROOT / ".build/bench-venv/bin/python"))
    parser.add_argument("--html", default=str(ROOT.parent / "shared/dev/html"))
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=None, help="runs per measure, best kept (default 3, --quick 1)")
    parser.add_argument("--startup-runs", type=int, default=None,
                        help="runs of each start-up measure, median and best shown (default 50, --quick 20)")
    parser.add_argument("--memory-limit", type=float, default=900,
                        help="stop a memory run after this many seconds, keeping its peak RSS so far (default 900)")
    parser.add_argument("--quick", action="store_true", help="a quarter of the pages, 20 MB corpus, 10 MB/100 MB memory runs")
    args = parser.parse_args()
    if args.repeat is None:
        args.repeat = 1 if args.quick else 3
    if args.startup_runs is None:
        args.startup_runs = 20 if args.quick else 50
    Bench(args).run()


if __name__ == "__main__":
    main()
