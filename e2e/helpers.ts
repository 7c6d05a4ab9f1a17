import type { Page } from '@playwright/test';

/** Collects console errors and uncaught page errors, for the no-console-errors checks. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Names and symbols kept as written in the Chinese interface (methods, papers, backends, units, the language's own name). */
export const KEPT_AS_WRITTEN =
  /\b(English|AXNet|AxTrain|NAS|NPU|MSE|CE|ICCAD|ApproXimate|computing|using|an|end-to-end|trainable|neural|network|Zhenghao|Peng|wasm|cpu|webgl|webgpu|auto|axnet|code|rms|p_label|mean|predicted|DRUM-k|NTV|SMAC|MICRO|DATE|ISLPED|He|Chen|DRUM|Dreslinski|Bessel|bessel_Jnu|onepass|iterative|IV|CPU|PEs?|MACs?|DRAM|SRAM|ReLU|sigmoid|tanh|float64|pJ|GHz|Hz|mV|dB|px|PSNR|DCT|PNG|SVG|CSV|JSON|tfjs|model\.json|weights\.bin)\b/g;

/** The English words left in the visible text of `selector`'s elements, apart from KEPT_AS_WRITTEN (the 中文 checks). */
export async function englishWordsIn(page: Page, selector: string): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a student reads (innerText skips hidden elements)
  const text = await page.locator(selector).evaluateAll((elements) => elements.map((e) => (e as HTMLElement).innerText).join(' '));
  return (text.replace(KEPT_AS_WRITTEN, ' ').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !/^(Fig|V)$/.test(w));
}
