"""Times one peer extractor over HTML pages already in memory, so start-up is not what is compared.

Run in the bench venv: `python peers.py PEER FILE…`, PEER one of trafilatura-txt, trafilatura-tei,
resiliparse. Prints one JSON object: seconds (best of --repeat passes), pages, bytes, documents
(pages with text out) and peak RSS in KiB.
"""
import argparse
import json
import resource
import time


def trafilatura_extractor(output_format):
    import trafilatura

    def extract(page):
        return trafilatura.extract(page, output_format=output_format)

    return extract


def resiliparse_extractor():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    def extract(page):
        return extract_plain_text(bytes_to_str(page, detect_encoding(page)), main_content=True)

    return extract


PEERS = {
    "trafilatura-txt": lambda: trafilatura_extractor("txt"),
    "trafilatura-tei": lambda: trafilatura_extractor("xmltei"),
    "resiliparse": resiliparse_extractor,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=sorted(PEERS))
    parser.add_argument("files", nargs="+")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    pages = [open(path, "rb").read() for path in args.files]
    extract = PEERS[args.peer]()
    extract(pages[0])  # imports and lazy tables load here, outside the timing
    best, documents = float("inf"), 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        documents = sum(1 for page in pages if extract(page))
        best = min(best, time.perf_counter() - start)
    print(json.dumps({
        "seconds": best,
        "pages": len(pages),
        "bytes": sum(map(len, pages)),
        "documents": documents,
        "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
