#!/usr/bin/env python3
"""Compare news outlets' coverage of one event, the plain way.

    python3 bench/baseline.py EVENT_DIR [--threshold 0.3]

Reads every article (.txt, .md) in EVENT_DIR, splits each into sentences with
a regular expression, scores every pair of sentences from different outlets by
TF-IDF cosine similarity, aligns the pairs scoring at or above the threshold,
diffs each aligned pair word by word with difflib, extracts the text between
double quotes, and prints a JSON summary of counts to standard output.

Standard library only. This is the reference point for bench/run.sh: the
straightforward way to write the job, not a tuned one.
"""

import argparse
import difflib
import json
import math
import os
import re
import sys
from collections import Counter

SENTENCE_END = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\u201d]))\s+(?=["\u201c]?[A-Z0-9])')
WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019.,][A-Za-z0-9]+)*")
QUOTE = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d')

STOPWORDS = set("""
a an and are as at be been but by for from had has have he her his in into is it
its of on or that the their them they this to was were will with would which who
""".split())


def read_articles(directory):
    articles = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith((".txt", ".md")):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            text = f.read()
        outlet = os.path.splitext(name)[0]
        headline, _, body = text.partition("\n\n")
        articles.append({"outlet": outlet, "headline": headline.strip(), "body": body})
    return articles


def split_sentences(body):
    sentences = []
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences.extend(s for s in SENTENCE_END.split(paragraph) if s)
    return sentences


def tokens(sentence):
    return [w for w in (m.lower() for m in WORD.findall(sentence)) if w not in STOPWORDS]


def tfidf_vectors(token_lists):
    df = Counter()
    for toks in token_lists:
        df.update(set(toks))
    n = len(token_lists)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vectors = []
    for toks in token_lists:
        tf = Counter(toks)
        vec = {t: c * idf[t] for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--threshold", type=float, default=0.3)
    args = parser.parse_args()

    articles = read_articles(args.directory)
    if len(articles) < 2:
        sys.exit("baseline: need at least two articles")

    sentences = []  # (outlet index, sentence text)
    for i, art in enumerate(articles):
        for s in split_sentences(art["body"]):
            sentences.append((i, s))
    words = [s.split() for _, s in sentences]
    vectors = tfidf_vectors([tokens(s) for _, s in sentences])

    # Every pair of sentences from different outlets.
    aligned = []
    pairs = 0
    for a in range(len(sentences)):
        for b in range(a + 1, len(sentences)):
            if sentences[a][0] == sentences[b][0]:
                continue
            pairs += 1
            score = cosine(vectors[a], vectors[b])
            if score >= args.threshold:
                aligned.append((a, b, score))

    ops = Counter()
    identical = 0
    for a, b, _ in aligned:
        matcher = difflib.SequenceMatcher(None, words[a], words[b], autojunk=False)
        codes = matcher.get_opcodes()
        if len(codes) == 1 and codes[0][0] == "equal":
            identical += 1
        for tag, _, _, _, _ in codes:
            ops[tag] += 1

    quotes = []
    for art in articles:
        for m in QUOTE.finditer(art["body"]):
            quotes.append((art["outlet"], " ".join((m.group(1) or m.group(2)).split())))
    distinct = {q.strip(" ,.").lower() for _, q in quotes}
    shared = Counter(q.strip(" ,.").lower() for _, q in set(quotes))

    aligned_sentences = set()
    for a, b, _ in aligned:
        aligned_sentences.add(a)
        aligned_sentences.add(b)

    summary = {
        "outlets": len(articles),
        "sentences": len(sentences),
        "pairs_compared": pairs,
        "aligned_pairs": len(aligned),
        "aligned_sentences": len(aligned_sentences),
        "unique_sentences": len(sentences) - len(aligned_sentences),
        "identical_pairs": identical,
        "diff_ops": dict(sorted(ops.items())),
        "quotes": len(quotes),
        "distinct_quotes": len(distinct),
        "quotes_in_several_outlets": sum(1 for c in shared.values() if c > 1),
        "per_outlet": [
            {
                "outlet": art["outlet"],
                "sentences": sum(1 for i, _ in sentences if i == k),
                "aligned_sentences": sum(1 for s in aligned_sentences if sentences[s][0] == k),
                "quotes": sum(1 for o, _ in quotes if o == art["outlet"]),
            }
            for k, art in enumerate(articles)
        ],
    }
    json.dump(summary, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
