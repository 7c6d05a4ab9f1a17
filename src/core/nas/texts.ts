/**
 * The English texts of the NAS modules that the interface's catalogs read (src/ui/i18n/locales/nas.ts, paper.ts), by
 * key or position: plain data with no code behind it, so that the catalogs, which load with the first paint, do not pull
 * in the search, its random forest (ml-random-forest, ml-matrix) or the study's report and figures.
 */

/** Each importance method's label (src/core/nas/surrogate.ts FeatureImportance['method']). */
export const NAS_IMPORTANCE_LABELS: Readonly<Record<'MDI', string>> = {
  MDI: 'mean decrease in impurity (MDI) of the surrogate forest',
};

/** What the study does differently from the paper, said in the report and the Paper view. */
export const NAS_STUDY_DIFFERENCES: readonly string[] = [
  'Training: Adam steps per candidate instead of 300 epochs; candidates trained in batches on the lab’s engine (tfjs), not on a Titan X.',
  'Hardware: the lab’s NPU model with an Eyeriss-like preset (16-bit, 1 GHz; array and buffer sizes from memory, unverified) and the lab’s CPU instruction-count estimate, not nn_dataflow + MARSSx86/McPAT.',
  'P_speed, P_energy: speedup and energy reduction divided by the largest over the space (normalization "max", an interpretation: the paper does not define them).',
  'The fronts are built from every evaluation; the picks use the energy constraint in the quality mode and E_norm = the largest energy reduction on the front (interpretations, reference B.5).',
  'The lab’s blackscholes and fft data differ from AxBench’s inputs: at Table 2’s bounds the lab’s nets stay far below the paper’s accuracies (see the tables), which is why the quick Fig. 5 uses jpeg, kmeans and inversek2j.',
];
