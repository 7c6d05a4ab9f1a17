import { describe, expect, it } from 'vitest';
import { CLASS_IDS, isViewId } from '../classroom/classIds';
import { LANGUAGE_IDS } from '../language';
import { parseLink } from '../link';
import { createNasClassroomConfig } from '../nas/config';
import { createAxtrainConfig } from '../axtrain/config';
import { LESSONS } from './lessons';

describe('lessons', () => {
  it('has at least the five lessons of the issue plus an AxTrain and a NAS lesson, with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const id of ['bound', 'disagree', 'control-vectors', 'weight-sharing', 'npu-energy', 'axtrain', 'nas']) expect(LESSONS.map((l) => l.id)).toContain(id);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('has steps of one or two sentences, each with a question', () => {
        expect(lesson.steps.length).toBeGreaterThanOrEqual(2);
        for (const step of lesson.steps) {
          const sentences = step.text.en.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
          expect(sentences.length, step.text.en).toBeGreaterThanOrEqual(1);
          expect(sentences.length, step.text.en).toBeLessThanOrEqual(2);
          expect(step.question.en.trim().endsWith('?'), step.question.en).toBe(true);
          // Chinese sentences end in 。 (no space after it); the translation keeps one or two of them.
          const chineseSentences = step.text.zh.split(/(?<=。)/).filter((s) => s.trim() !== '');
          expect(chineseSentences.length, step.text.zh).toBeGreaterThanOrEqual(1);
          expect(chineseSentences.length, step.text.zh).toBeLessThanOrEqual(2);
          expect(step.question.zh.trim().endsWith('？'), step.question.zh).toBe(true);
        }
      });

      it('has every text, the title and each step’s text and question, in English and in Chinese', () => {
        const texts = [lesson.title, ...lesson.steps.flatMap((step) => [step.text, step.question])];
        for (const text of texts) {
          expect(Object.keys(text).sort(), text.en).toEqual([...LANGUAGE_IDS].sort());
          expect(text.en.trim(), text.zh).not.toBe('');
          expect(/[A-Za-z]/.test(text.en), text.en).toBe(true);
          expect(/[\u3400-\u9fff]/.test(text.zh), `not Chinese: ${text.zh}`).toBe(true);
        }
      });

      it('states the same numbers and equation references in both languages', () => {
        const numbers = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
        for (const step of lesson.steps) {
          expect(numbers(step.text.zh), step.text.zh).toEqual(numbers(step.text.en));
          expect(numbers(step.question.zh), step.question.zh).toEqual(numbers(step.question.en));
        }
      });

      it('has fragments the link parser reads with no notice', () => {
        for (const step of lesson.steps) {
          const parsed = parseLink(`#v=1&${step.fragment}`);
          expect(parsed.problems, step.fragment).toEqual([]);
        }
      });

      it('highlights ids of the registry and shows views of the registry', () => {
        for (const step of lesson.steps) {
          expect(CLASS_IDS).toContain(step.highlight);
          expect(isViewId(step.view)).toBe(true);
        }
      });

      it('shows the view its fragment opens', () => {
        for (const step of lesson.steps) {
          const parsed = parseLink(`#v=1&${step.fragment}`);
          if (step.view === 'compare') expect(parsed.config.methods.length).toBeGreaterThan(1);
          else if (step.view === 'axtrain') expect(parsed.axtrain).not.toBeNull();
          else if (step.view === 'nas') expect(parsed.nas).not.toBeNull();
          else expect(parsed.config.methods.length, `${lesson.id}: ${step.view} is a panel of the lab view`).toBe(1);
        }
      });
    });
  }

  it('opens the NAS and AxTrain views with their classroom configs', () => {
    const nas = LESSONS.find((l) => l.id === 'nas');
    expect(parseLink(`#v=1&${nas?.steps[0].fragment}`).nas).toEqual(createNasClassroomConfig());
    const axtrain = LESSONS.find((l) => l.id === 'axtrain');
    expect(parseLink(`#v=1&${axtrain?.steps[0].fragment}`).axtrain).toEqual(createAxtrainConfig('breastcancer'));
  });
});
