"""Writes test/handlers/pyyaml.json: how PyYAML's yaml.safe_load reads scalars and additional_params texts.

Run with Python 3 and PyYAML (6.0.3 wrote the committed file): python3 scripts/pyyaml-fixture.py
test/handlers/init-params.pyyaml.test.ts checks tripline's reading of every entry against it. The full differential
runs behind it (about 250,000 scalars over the characters of numbers, quotes, comments and escapes) found no other
difference than those listed in docs/compatibility.md.
"""
import itertools, json, math, random, string

import yaml

random.seed(20261129)


def scalar(s):
    """One scalar as the value of `k: s`: its JSON value, or a category for what JSON cannot carry or PyYAML refuses."""
    try:
        v = yaml.safe_load('k: ' + s)
    except Exception:
        return {'t': 'error'}
    if not isinstance(v, dict) or list(v) != ['k']:
        return {'t': 'error'}
    v = v['k']
    if v is None or isinstance(v, (bool, str)):
        return {'t': 'value', 'v': v}
    if isinstance(v, int):
        return {'t': 'value', 'v': v} if abs(v) <= 2**53 - 1 else {'t': 'uncarried'}
    if isinstance(v, float):
        if not math.isfinite(v):
            return {'t': 'uncarried'}
        return {'t': 'value', 'v': v, 'negativeZero': v == 0 and math.copysign(1, v) < 0}
    return {'t': 'uncarried'}  # a date or a datetime


numeric = list('0178_.:-+eEbxfni')
quoting = list("a'\"#:- 0.\\?")
every = set()
for n in range(1, 4):
    every.update(''.join(t) for t in itertools.product(numeric, repeat=n))
for _ in range(1500):
    every.add(''.join(random.choice(numeric) for _ in range(random.randint(4, 9))))
for _ in range(1500):
    s = ''.join(random.choice(quoting) for _ in range(random.randint(2, 6)))
    if s.strip() == s:
        every.add(s)
for c in string.printable + '\xa0':
    if c not in '\n\r\x0b\x0c':
        every.add('"a\\' + c + 'b"')
for h, e in itertools.product(['41', '4', '4G', '00e9', 'D800', '0001F600', '0010FFFF', '00110000'], 'xuU'):
    every.add('"\\' + e + h + '"')
for w in ['yes', 'no', 'true', 'false', 'on', 'off', 'null', 'y', 'n', '~', 'inf', 'nan']:
    every.update({w, w.upper(), w.capitalize(), '.' + w, '-.' + w, '+.' + w})
every.update(['190:20:30', '190:20:30.15', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-13-45',
              '12345678901234567890', '9007199254740991', '9007199254740993', '0x20000000000001', '=', '<<'])

values = ['1', '1e5', '1.0e+5', '-0', '-0.0', '0123', '0x1F', '12345678901234567890', 'NaN', '-Infinity', '"x"',
          '"\\u00e9"', 'true', 'yes', 'y', '~', '[1, 2]', '[1e5, "a"]', '{"b": 1e5}', "'q'", '.5', 'a b', '2001-01-01',
          '1:30', '"x" # c', 'x # c', '', '[]', '{}']
docs = set()
for v in values:
    docs.update(['{"k": %s}' % v, '{k: %s}' % v, 'k: %s' % v, 'j: 1\nk: %s' % v, '[%s]' % v, v])
docs.update(['{a: 1, # c\n b: 2}', '{a: 1} # c', '{a: [1, 2}', '- a', '-1: x', 'a: 1\n  b: 2', '# only'])
docs.update(['{k: [1, 2], j: {a: 1, b: 2}, m: 3}', '{k: {a: [1, {b: 2}], c: 3}, d: 4}', "{a: 'x # y', b: \"z # w\"}",
             "{a: 'it''s' # c\n, b: 1}", '{a: "x"# c\n, b: 2}', "a: 'x # y'\nb: 2", 'a: 1\n\n   \nb: 2', 'a: 1\na: 2',
             '  a: 1', 'a: 1  \nb: 2  ', '- a\n- b', '-', '[a, b]', '[a, [b]]', ' # only', 'a: x\x7fy', 'a: x\u2028y',
             '{"a": "x\u2028y"}', '{"a": "x\x7fy"}', 'a: \x85', "'a': 1", '"a": 1', '1: x', 'true: x', 'a: [1, 2]  # c',
             '{a: 1, b: 2} # c', '[1, 2] # c', '{a: 1,}', '{a: 1, , b: 2}', '{"a": 1}\n', '\n{"a": 1}', 'a: "x" y',
             "a: 'x' y", 'a: 1 #c\nb: #\nc: 3', '{a: #c\n 1}', '{k: [1, 2], j: {"a": 1, "b": 2}, m: 3}',
             '{\n  "a": {\n    "b": [1,\n 2]\n  },\n  "c": "x"\n}', 'a: x - y', '[1, 12345678901234567890]', 'k: a  # c',
             '{k: a  # c\n}', '{a: 1, }', '{a: "x"# c}', "{a: 'x'# c}", '"\\q": 1', '~: x', 'a: 1\nb: 2\na: 3'])
every.update(['a&b', 'a*b', 'a!b', 'a|b', 'a>b', 'a%b', 'a@b', 'a`b', 'a[b', 'a{b', 'a  # c', 'a\t# c'])


def doc(d):
    try:
        v = yaml.safe_load(d)
    except Exception:
        return {'t': 'error'}
    if not isinstance(v, dict):
        return {'t': 'not a mapping'}
    try:
        text = json.dumps(v, allow_nan=False)
    except (TypeError, ValueError):
        return {'t': 'uncarried'}
    big = '12345678901234567890' in text
    return {'t': 'uncarried'} if big else {'t': 'mapping', 'v': json.loads(text)}


fixture = {
    'pyyaml': yaml.__version__,
    'scalars': {s: scalar(s) for s in sorted(every)},
    'documents': {d: doc(d) for d in sorted(docs)},
}
with open('test/handlers/pyyaml.json', 'w') as f:
    json.dump(fixture, f, ensure_ascii=True, indent=0, sort_keys=True)
    f.write('\n')
print(len(fixture['scalars']), 'scalars,', len(fixture['documents']), 'documents')
