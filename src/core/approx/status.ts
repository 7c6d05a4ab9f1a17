/**
 * How sure the lab is of a fact of the approximate-hardware models (AxTrain, reference axtrain-nas.md):
 * - paper: stated in a seed paper;
 * - verified: checked against data, code or a second source;
 * - unverified: best available, to be confirmed;
 * - estimate: the lab's own assumption, stated in the citation;
 * - interpretation: the lab's reading of an ambiguous or incomplete passage.
 */
export type ApproxFactStatus = 'paper' | 'verified' | 'unverified' | 'estimate' | 'interpretation';
