/** Texts of the paper view. */
import { defineNamespace } from '../namespace';

export const paper = defineNamespace({ placeholder: 'x' }, { placeholder: '中' });
