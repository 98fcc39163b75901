import { lazy } from 'react';

// Recharts is only downloaded once a page draws a chart: never for the pulse page or sign-in.
export const TrendChart = lazy(() => import('./TrendChart.js'));
export const FortressChart = lazy(() => import('./FortressChart.js'));
export const ResponseChart = lazy(() => import('./ResponseChart.js'));
export const ParticipationChart = lazy(() => import('./ParticipationChart.js'));
