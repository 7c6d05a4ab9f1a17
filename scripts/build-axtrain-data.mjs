#!/usr/bin/env node
// Builds the AxTrain classification datasets (breast cancer, digits) from Debian's python3-sklearn.
// Dev-time only: the app and the CLI read the generated TS modules, never a CSV. Needs nothing but
// Node (gunzip with node:zlib).
//
//   apt-get download python3-sklearn && dpkg-deb -x python3-sklearn_1.2.1+dfsg-1_all.deb /tmp/skl
//   node scripts/build-axtrain-data.mjs /tmp/skl
//
// Reads usr/lib/python3/dist-packages/sklearn/datasets/{data,descr}/ and usr/share/doc/python3-sklearn/
// (copyright, changelog.Debian.gz) under that directory, checks the counts (569 × 30, 2 classes;
// 1797 × 64, 10 classes) against the data and the package's own descriptions, and writes
// src/core/axtrain/breastcancer.generated.ts, src/core/axtrain/digits.generated.ts and
// src/core/axtrain/DATASETS.md (origin, licence). Deterministic: the same sources give byte-identical outputs.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'src', 'core', 'axtrain');

const SKLEARN_DATASETS = 'usr/lib/python3/dist-packages/sklearn/datasets';
const PACKAGE_DOC = 'usr/share/doc/python3-sklearn';

/** sklearn/datasets/_base.py load_breast_cancer: the column names of breast_cancer.csv (the file has none). */
const BREAST_CANCER_FEATURES = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness', 'concavity', 'concave points', 'symmetry', 'fractal dimension'];
const BREAST_CANCER_FEATURE_NAMES = [
  ...BREAST_CANCER_FEATURES.map((name) => `mean ${name}`),
  ...BREAST_CANCER_FEATURES.map((name) => `${name} error`),
  ...BREAST_CANCER_FEATURES.map((name) => `worst ${name}`),
];

/** Encoding of the breast-cancer features: v = 8·m + e in 3 bytes little-endian, x = m / 10^e (the CSV's decimal). */
const DECIMAL24_MANTISSA_LIMIT = 1 << 21;
const DECIMAL24_MAX_DECIMALS = 7;
/** Encoding of the digits pixels 0…16: one character each. */
const BASE17_ALPHABET = '0123456789abcdefg';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function fail(message) {
  throw new Error(`build-axtrain-data: ${message}`);
}

// ---------------------------------------------------------------- package facts

/** "scikit-learn (1.2.1+dfsg-1) unstable; …" → "1.2.1+dfsg-1": the first entry of the Debian changelog. */
function readPackageVersion(root) {
  const changelog = gunzipSync(readFileSync(join(root, PACKAGE_DOC, 'changelog.Debian.gz'))).toString('utf8');
  const match = /^scikit-learn \(([^)]+)\)/.exec(changelog);
  if (!match) fail('cannot read the version from changelog.Debian.gz');
  return match[1];
}

/**
 * debian/copyright: the stanza that covers the data files and its licence text. No stanza names
 * sklearn/datasets/data, so `Files: *` covers them; its licence must be one whose text the file carries.
 */
function readCopyright(root) {
  const text = readFileSync(join(root, PACKAGE_DOC, 'copyright'), 'utf8');
  const stanzas = text.split(/\n\s*\n/);
  const filesStanzas = stanzas.filter((s) => s.startsWith('Files:'));
  if (filesStanzas.some((s) => /sklearn\/datasets\/data/.test(s))) fail('debian/copyright has a stanza for sklearn/datasets/data: update DATASETS.md');
  const all = filesStanzas.find((s) => /^Files: \*\s*$/m.test(s));
  if (!all) fail('debian/copyright has no `Files: *` stanza');
  const copyright = /^Copyright: (.+)$/m.exec(all)?.[1];
  const licence = /^License: (.+)$/m.exec(all)?.[1];
  if (!copyright || !licence) fail('debian/copyright `Files: *` without Copyright or License');
  const licenceStanza = stanzas.find((s) => s.startsWith(`License: ${licence}\n`));
  if (!licenceStanza) fail(`debian/copyright has no text for ${licence}`);
  // Debian's continuation lines: one leading space, '.' for an empty line.
  const licenceText = licenceStanza
    .split('\n')
    .slice(1)
    .map((line) => (line.trim() === '.' ? '' : line.replace(/^ /, '')))
    .join('\n');
  return { copyright, licence, licenceText };
}

/** `:Name: value` fields and the References topic of a sklearn descr/*.rst file. */
function readDescription(root, file) {
  const text = readFileSync(join(root, SKLEARN_DATASETS, 'descr', file), 'utf8');
  const field = (name) => new RegExp(`:${name}:\\s*(.+)`).exec(text)?.[1].trim();
  const referencesAt = text.indexOf('.. topic:: References');
  const references = [];
  if (referencesAt >= 0)
    for (const line of text.slice(referencesAt).split('\n').slice(1)) {
      const trimmed = line.trim();
      if (trimmed.startsWith('- ')) references.push(trimmed.slice(2));
      else if (trimmed && references.length > 0) references[references.length - 1] += ` ${trimmed}`;
    }
  return { field, references: references.map((r) => r.replace(/\s+/g, ' ')) };
}

// ---------------------------------------------------------------- datasets

/** breast_cancer.csv: header "569,30,malignant,benign", then 569 rows of 30 decimals and the class index. */
function readBreastCancer(root) {
  const file = join(root, SKLEARN_DATASETS, 'data', 'breast_cancer.csv');
  const source = readFileSync(file);
  const lines = source.toString('utf8').trimEnd().split('\n');
  const [countText, featureText, ...classNames] = lines[0].trim().split(',');
  const sampleCount = Number(countText);
  const featureCount = Number(featureText);
  if (sampleCount !== 569 || featureCount !== 30 || classNames.length !== 2) fail(`breast_cancer.csv header ${lines[0]}: expected 569,30 and 2 classes`);
  if (lines.length - 1 !== sampleCount) fail(`breast_cancer.csv: ${lines.length - 1} rows, header says ${sampleCount}`);
  if (BREAST_CANCER_FEATURE_NAMES.length !== featureCount) fail('feature names do not match the column count');

  const encoded = Buffer.alloc(sampleCount * featureCount * 3);
  const labels = [];
  for (let row = 0; row < sampleCount; row++) {
    const fields = lines[row + 1].trim().split(',');
    if (fields.length !== featureCount + 1) fail(`breast_cancer.csv row ${row}: ${fields.length} fields`);
    for (let column = 0; column < featureCount; column++) {
      const token = fields[column];
      const match = /^(\d+)(?:\.(\d+))?$/.exec(token);
      if (!match) fail(`breast_cancer.csv row ${row} column ${column}: ${token} is not a non-negative decimal`);
      const decimals = (match[2] ?? '').length;
      const mantissa = Number(match[1] + (match[2] ?? ''));
      if (mantissa >= DECIMAL24_MANTISSA_LIMIT || decimals > DECIMAL24_MAX_DECIMALS) fail(`breast_cancer.csv: ${token} does not fit the 24-bit decimal encoding`);
      // m / 10^e is the correctly rounded double of the decimal (10^e is exact for e ≤ 22): the CSV's value exactly.
      if (mantissa / 10 ** decimals !== Number(token)) fail(`breast_cancer.csv: ${token} does not round-trip`);
      const code = mantissa * 8 + decimals;
      const offset = (row * featureCount + column) * 3;
      encoded[offset] = code & 0xff;
      encoded[offset + 1] = (code >> 8) & 0xff;
      encoded[offset + 2] = (code >> 16) & 0xff;
    }
    labels.push(parseLabel(fields[featureCount], classNames.length, `breast_cancer.csv row ${row}`));
  }

  const classCounts = countClasses(labels, classNames.length);
  const description = readDescription(root, 'breast_cancer.rst');
  const distribution = description.field('Class Distribution');
  const expected = classNames.map((name) => new RegExp(`(\\d+) - ${name}`, 'i').exec(distribution ?? '')?.[1]);
  if (expected.some((count, c) => Number(count) !== classCounts[c])) fail(`class counts ${classCounts} differ from breast_cancer.rst (${distribution})`);
  if (Number(description.field('Number of Instances')) !== sampleCount) fail('breast_cancer.rst: instance count differs');

  return {
    id: 'breastcancer',
    exportComment: [
      `// Breast cancer Wisconsin (diagnostic), sklearn/datasets/data/breast_cancer.csv: ${sampleCount} rows × ${featureCount} features, ${classNames.length} classes.`,
      '// features: row-major [sampleCount × featureCount], "decimal24-base64": 3 bytes little-endian per value,',
      '// v = 8·m + e, x = m / 10^e (the CSV decimal exactly), base64. labels: one character per row, the class index.',
    ],
    sourceFile: 'breast_cancer.csv',
    sourceSha256: sha256(source),
    sampleCount,
    featureCount,
    classNames,
    classCounts,
    featureNames: BREAST_CANCER_FEATURE_NAMES,
    featureEncoding: 'decimal24-base64',
    features: encoded.toString('base64'),
    labels: labels.join(''),
    description,
  };
}

/** digits.csv.gz: 1797 rows of 64 pixels (8×8, row-major, integers 0…16) and the digit. */
function readDigits(root) {
  const file = join(root, SKLEARN_DATASETS, 'data', 'digits.csv.gz');
  const source = readFileSync(file);
  const lines = gunzipSync(source).toString('utf8').trimEnd().split('\n');
  const sampleCount = lines.length;
  const featureCount = 64;
  const classNames = Array.from({ length: 10 }, (_, digit) => String(digit));
  if (sampleCount !== 1797) fail(`digits.csv.gz: ${sampleCount} rows, expected 1797`);

  const pixels = [];
  const labels = [];
  for (let row = 0; row < sampleCount; row++) {
    const fields = lines[row].trim().split(',');
    if (fields.length !== featureCount + 1) fail(`digits.csv.gz row ${row}: ${fields.length} fields, expected ${featureCount + 1}`);
    for (let column = 0; column < featureCount; column++) {
      const token = fields[column];
      if (!/^(\d|1[0-6])$/.test(token)) fail(`digits.csv.gz row ${row} column ${column}: ${token} is not an integer 0…16`);
      pixels.push(BASE17_ALPHABET[Number(token)]);
    }
    labels.push(parseLabel(fields[featureCount], classNames.length, `digits.csv.gz row ${row}`));
  }

  const classCounts = countClasses(labels, classNames.length);
  if (classCounts.some((count) => count === 0)) fail(`digits: a class has no rows (${classCounts})`);
  const description = readDescription(root, 'digits.rst');
  if (Number(description.field('Number of Instances')) !== sampleCount) fail('digits.rst: instance count differs');
  if (Number(description.field('Number of Attributes')) !== featureCount) fail('digits.rst: attribute count differs');

  return {
    id: 'digits',
    exportComment: [
      `// Optical recognition of handwritten digits (UCI test set), sklearn/datasets/data/digits.csv.gz: ${sampleCount} rows × ${featureCount} pixels (8×8), ${classNames.length} classes.`,
      '// features: row-major [sampleCount × featureCount], "base17": one character per pixel, value = index in "0123456789abcdefg" (0…16).',
      '// labels: one character per row, the digit.',
    ],
    sourceFile: 'digits.csv.gz',
    sourceSha256: sha256(source),
    sampleCount,
    featureCount,
    classNames,
    classCounts,
    // sklearn's load_digits names: pixel_<row>_<column>.
    featureNames: Array.from({ length: featureCount }, (_, i) => `pixel_${Math.floor(i / 8)}_${i % 8}`),
    featureEncoding: 'base17',
    features: pixels.join(''),
    labels: labels.join(''),
    description,
  };
}

function parseLabel(token, classCount, where) {
  const label = Number(token);
  if (!/^\d+$/.test(token) || label >= classCount) fail(`${where}: label ${token} is not a class index below ${classCount}`);
  return label;
}

function countClasses(labels, classCount) {
  const counts = new Array(classCount).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

// ---------------------------------------------------------------- outputs

function writeGeneratedModule(dataset, packageVersion) {
  const lines = [
    `// GENERATED by scripts/build-axtrain-data.mjs from Debian python3-sklearn ${packageVersion}. Do not edit.`,
    ...dataset.exportComment,
    '// Origin and licence: src/core/axtrain/DATASETS.md. Loaded lazily by datasets.ts (loadClassificationDataset).',
    '',
    'export const DATASET_SOURCE = {',
    `  id: ${JSON.stringify(dataset.id)},`,
    `  debianPackage: ${JSON.stringify(`python3-sklearn ${packageVersion}`)},`,
    `  sourceFile: ${JSON.stringify(dataset.sourceFile)},`,
    `  sourceSha256: ${JSON.stringify(dataset.sourceSha256)},`,
    `  sampleCount: ${dataset.sampleCount},`,
    `  featureCount: ${dataset.featureCount},`,
    `  classNames: ${JSON.stringify(dataset.classNames)},`,
    `  featureNames: ${JSON.stringify(dataset.featureNames)},`,
    `  featureEncoding: ${JSON.stringify(dataset.featureEncoding)},`,
    `  features:\n    ${JSON.stringify(dataset.features)},`,
    `  labels:\n    ${JSON.stringify(dataset.labels)},`,
    '} as const;',
    '',
  ];
  const path = join(OUT_DIR, `${dataset.id}.generated.ts`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

function writeCredits(datasets, packageVersion, copyright) {
  const [breastCancer, digits] = datasets;
  const bc = breastCancer.description;
  const dg = digits.description;
  const lines = [
    '# AxTrain classification datasets: origin and licence',
    '',
    `GENERATED by \`scripts/build-axtrain-data.mjs\` from Debian's \`python3-sklearn\` **${packageVersion}**`,
    '(`usr/lib/python3/dist-packages/sklearn/datasets/data/`, descriptions in `…/descr/`). Regenerate with:',
    '',
    '```sh',
    `apt-get download python3-sklearn && dpkg-deb -x python3-sklearn_${packageVersion}_all.deb /tmp/skl`,
    'node scripts/build-axtrain-data.mjs /tmp/skl',
    '```',
    '',
    'The script checks the counts against the data and the package descriptions and writes',
    '`breastcancer.generated.ts`, `digits.generated.ts` and this file; the same sources give byte-identical outputs.',
    'The lab loads each module lazily (`loadClassificationDataset` in `datasets.ts`), in its own chunk.',
    '',
    '| id | dataset | rows × inputs | classes (rows each) | source file (SHA-256) | used for |',
    '|---|---|---|---|---|---|',
    `| breastcancer | Breast Cancer Wisconsin (Diagnostic), UCI | ${breastCancer.sampleCount} × ${breastCancer.featureCount} | ${breastCancer.classNames.map((name, c) => `${name} ${breastCancer.classCounts[c]}`).join(', ')} | \`${breastCancer.sourceFile}\` (\`${breastCancer.sourceSha256.slice(0, 16)}…\`) | AxTrain Tab. 1 "Breast cancer", 30-64-64-2 |`,
    `| digits | Optical Recognition of Handwritten Digits, UCI (its test set), 8×8 | ${digits.sampleCount} × ${digits.featureCount} | digits 0–9: ${digits.classCounts.join(', ')} | \`${digits.sourceFile}\` (\`${digits.sourceSha256.slice(0, 16)}…\`) | stand-in for AxTrain's MNIST-MLP (784-128-128-10): 64-128-128-10 |`,
    '',
    '## Breast cancer (Wisconsin diagnostic)',
    '',
    `- Creators: ${bc.field('Creator')}; donor: ${bc.field('Donor')}; date: ${bc.field('Date')} (University of Wisconsin).`,
    '- UCI Machine Learning Repository, "Breast Cancer Wisconsin (Diagnostic)" (sklearn\'s copy; the UCI file also has an ID column and M/B labels).',
    '- Features: mean, standard error and "worst" of ten nucleus measurements from a digitised fine-needle-aspirate image.',
    `- Labels: 0 = ${breastCancer.classNames[0]}, 1 = ${breastCancer.classNames[1]} (header of the CSV).`,
    '- References (from `descr/breast_cancer.rst`):',
    ...bc.references.map((reference) => `  - ${reference}`),
    '',
    '## Digits (optical recognition of handwritten digits, 8×8)',
    '',
    `- Creator: ${dg.field('Creator')}; date: ${dg.field('Date')}.`,
    '- UCI Machine Learning Repository, "Optical Recognition of Handwritten Digits": sklearn ships its test set.',
    '  32×32 NIST bitmaps, on-pixels counted in non-overlapping 4×4 blocks: 8×8 integers 0…16.',
    '- References (from `descr/digits.rst`):',
    ...dg.references.map((reference) => `  - ${reference}`),
    '',
    '## Licence',
    '',
    `- In the Debian package, \`debian/copyright\` names no stanza for \`sklearn/datasets/data\`, so \`Files: *\` covers these`,
    `  files: Copyright ${copyright.copyright}, licence **${copyright.licence}** (text below, as the package states it).`,
    '- Upstream, the UCI Machine Learning Repository asks users to cite it and the creators (done above). Its site lists',
    '  its data sets under CC BY 4.0; that page was not checked from this (offline) machine: status unverified.',
    '',
    `### ${copyright.licence} (from \`usr/share/doc/python3-sklearn/copyright\`)`,
    '',
    '```text',
    copyright.licenceText,
    '```',
    '',
  ];
  writeFileSync(join(OUT_DIR, 'DATASETS.md'), lines.join('\n'));
}

function main() {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node scripts/build-axtrain-data.mjs <directory python3-sklearn was extracted to, e.g. /tmp/skl>');
    process.exit(2);
  }
  const packageVersion = readPackageVersion(root);
  const copyright = readCopyright(root);
  const datasets = [readBreastCancer(root), readDigits(root)];
  mkdirSync(OUT_DIR, { recursive: true });
  for (const dataset of datasets) {
    const path = writeGeneratedModule(dataset, packageVersion);
    console.log(`${dataset.id}: ${dataset.sampleCount} × ${dataset.featureCount}, classes ${dataset.classCounts.join('/')} → ${path.slice(ROOT.length + 1)}`);
  }
  writeCredits(datasets, packageVersion, copyright);
}

main();
