/** Texts of the nas view. */
import { defineNamespace } from '../namespace';

export const nas = defineNamespace({ placeholder: 'x' }, { placeholder: '中' });
