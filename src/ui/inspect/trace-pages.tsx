// The pages of an open trace, in tab order. Each page is one component; the URL hash names the
// page shown (state/route.ts). A page is added here and nowhere else.

import type { ComponentType } from 'react';
import type { TraceView } from '../../state/route';
import { SummaryPage } from './SummaryPage';
import { TimelinePage } from '../trace-timeline/TimelinePage';
import { GoroutinesPage } from '../analysis/GoroutinesPage';
import { ProfilesPage } from '../analysis/ProfilesPage';
import { RegionsPage } from '../analysis/RegionsPage';
import { GcPage } from '../analysis/GcPage';

export interface TracePage {
  readonly view: TraceView;
  readonly label: string;
  readonly component: ComponentType;
}

export const TRACE_PAGES: readonly TracePage[] = [
  { view: 'summary', label: 'Summary', component: SummaryPage },
  { view: 'timeline', label: 'Timeline', component: TimelinePage },
  { view: 'goroutines', label: 'Goroutines', component: GoroutinesPage },
  { view: 'regions', label: 'Tasks & regions', component: RegionsPage },
  { view: 'gc', label: 'GC', component: GcPage },
  { view: 'profiles', label: 'Profiles', component: ProfilesPage },
];
