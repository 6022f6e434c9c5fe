"""Warraq as the map step of a Spark job: input paths are distributed, `warraq` converts each
partition's paths (read from its standard input, through RDD.pipe), and the JSON Lines come back
as text partitions, one `part-NNNNN` file per partition.

Partitions hold consecutive paths and keep their order, so `cat OUT/part-*` is byte for byte what
one `warraq convert --files-from LIST -t jsonl` prints. The paths must be readable where the
executors run (a shared file system on a cluster), and `warraq` must be on their PATH (or --warraq).

  find dumps -name '*.txt' | sort > paths.txt
  spark-submit Examples/spark/warraq_spark.py --files-from paths.txt out/
  python Examples/spark/warraq_spark.py --master 'local[2]' --files-from paths.txt out/
"""
import argparse
import os
import shlex
import sys


def read_paths(source):
    stream = sys.stdin if source == "-" else open(source, encoding="utf-8")
    with stream:
        return [line.strip() for line in stream if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", help="a new directory for the JSONL partitions")
    parser.add_argument("--files-from", required=True, help="input paths, one per line ('-' for standard input)")
    parser.add_argument("--master", help="the Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, help="how many partitions (default: Spark's parallelism)")
    parser.add_argument("--warraq", default="warraq", help="the warraq executable on the executors")
    parser.add_argument("--to", default="jsonl", help="the writer; a line-per-document one (default jsonl)")
    args = parser.parse_args()

    # The Python workers that feed the pipe are the driver's Python, so they find pyspark.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("warraq convert")
    if args.master:
        conf.setMaster(args.master)
    context = SparkContext.getOrCreate(conf)
    context.setLogLevel("WARN")
    try:
        paths = read_paths(args.files_from)
        partitions = args.partitions or context.defaultParallelism
        step = shlex.join([args.warraq, "convert", "--files-from", "-", "-t", args.to, "--quiet", "--jobs", "1"])
        context.parallelize(paths, partitions).pipe(step, checkCode=True).saveAsTextFile(args.output)
    finally:
        context.stop()


if __name__ == "__main__":
    main()
