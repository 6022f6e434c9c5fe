"""Writes a JSON Lines corpus of synthetic Arabic articles with planted near-duplicates, and the
truth: each document's family (an original and its changed copies) and which ids are copies.
Usage: planted-duplicates.py ARTICLES SEED CORPUS.jsonl TRUTH.json. Same arguments, same bytes."""
import json, random, sys

articles, seed, corpus_path, truth_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
rng = random.Random(seed)
letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
vocabulary = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(2, 7))) for _ in range(12000)})
rng.shuffle(vocabulary)
cumulative, total = [], 0.0
for rank in range(len(vocabulary)):
    total += 1 / (rank + 1)
    cumulative.append(total)
topics = [rng.sample(vocabulary[:3000], 300) for _ in range(20)]
opening = "وقال المتحدث باسم الوزارة في بيان صدر اليوم إن الحكومة تتابع الوضع عن كثب وتعمل مع الشركاء"
promo = "تابعوا آخر الأخبار على تطبيقنا المجاني وعلى قناتنا في تلغرام للحصول على التحديثات أولا بأول"
datelines = ["القاهرة (رويترز) - ", "دمشق - سانا: ", "بيروت - ", "الرياض (واس) - ", ""]
digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

def article(topic):
    words = topics[topic]
    paragraphs = []
    for _ in range(rng.randint(3, 8)):
        n = rng.randint(30, 80)
        text = " ".join(rng.choice(words) if rng.random() < 0.4 else rng.choices(vocabulary, cum_weights=cumulative)[0] for _ in range(n))
        text += " في عام " + str(rng.randint(1990, 2025))
        paragraphs.append(text)
    if rng.random() < 0.5: paragraphs.insert(0, opening + " " + paragraphs.pop(0))
    if rng.random() < 0.3: paragraphs.append(promo)
    return paragraphs

def changed(paragraphs):
    """A copy as another dump has it: one to three of the changes dumps make."""
    p = list(paragraphs)
    for change in rng.sample(["dateline", "promo", "edit", "digits", "tatweel", "split"], rng.randint(1, 3)):
        if change == "dateline": p[0] = rng.choice(datelines) + p[0]
        elif change == "promo": p.append(promo)
        elif change == "edit":
            i = rng.randrange(len(p)); words = p[i].split()
            for _ in range(max(1, len(words) // 30)): words[rng.randrange(len(words))] = rng.choice(vocabulary)
            p[i] = " ".join(words)
        elif change == "digits": p = [x.translate(digits) for x in p]
        elif change == "tatweel": p = [x.replace("ل", "لـ", 2) for x in p]
        elif change == "split":
            i = rng.randrange(len(p)); words = p[i].split(); half = len(words) // 2
            p[i:i + 1] = [" ".join(words[:half]), " ".join(words[half:])]
    return p

documents, family, copies = [], {}, []
for n in range(articles):
    base = article(rng.randrange(len(topics)))
    members = [base] + [changed(base) for _ in range(rng.choice([0, 0, 0, 1, 1, 2]))]
    for k, paragraphs in enumerate(members):
        documents.append((f"a{n}-{k}", n, paragraphs))
rng.shuffle(documents)
seen = set()
with open(corpus_path, "w") as out:
    for i, (name, n, paragraphs) in enumerate(documents):
        doc_id = f"doc{i:05d}-{name}"
        family[doc_id] = n
        if n in seen: copies.append(doc_id)
        seen.add(n)
        body = [{"type": "paragraph", "text": t} for t in paragraphs]
        out.write(json.dumps({"id": doc_id, "body": body}, ensure_ascii=False) + "\n")
json.dump({"family": family, "copies": copies}, open(truth_path, "w"))
