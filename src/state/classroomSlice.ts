/**
 * Classroom slice: the link's classroom part (src/core/classroom/classLink.ts): the open lesson and its step,
 * presentation mode, the hidden and locked ids, the view the link opens on, the teacher's title and note; and whether
 * the presentation QR code is shown (not in the link). The URL mirrors it (urlSync.ts).
 */
import type { StateCreator } from 'zustand';
import { createClassroom, type ClassroomLink } from '../core/classroom/classLink';
import type { ClassId } from '../core/classroom/classIds';
import type { LabState } from './store';

export interface ClassroomSlice {
  classroom: ClassroomLink;
  /** The large QR code of presentation mode is shown. */
  presentQrOpen: boolean;
  /** Replaces the classroom part (from a link, already validated by parseLink). */
  setClassroom: (classroom: ClassroomLink) => void;
  setPresent: (present: boolean) => void;
  setPresentQrOpen: (open: boolean) => void;
  /** Leaves the lesson (its step's settings stay). */
  closeLesson: () => void;
}

export const createClassroomSlice: StateCreator<LabState, [], [], ClassroomSlice> = (set) => ({
  classroom: createClassroom(),
  presentQrOpen: false,
  setClassroom: (classroom) => set({ classroom: { ...classroom, hide: [...classroom.hide], lock: [...classroom.lock] } }),
  setPresent: (present) =>
    set((state) => (state.classroom.present === present ? {} : { classroom: { ...state.classroom, present }, presentQrOpen: present && state.presentQrOpen })),
  setPresentQrOpen: (presentQrOpen) => set({ presentQrOpen }),
  closeLesson: () => set((state) => (state.classroom.lesson === null ? {} : { classroom: { ...state.classroom, lesson: null, step: 0 } })),
});

/** Whether the class link hides this id. */
export function isHidden(classroom: Readonly<ClassroomLink>, id: ClassId): boolean {
  return classroom.hide.includes(id);
}

/** Whether the class link locks this id (a hidden id is not shown at all). */
export function isLocked(classroom: Readonly<ClassroomLink>, id: ClassId): boolean {
  return classroom.lock.includes(id);
}
