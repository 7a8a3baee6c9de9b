import { themeQuartz } from 'ag-grid-community';

/** The console's AG Grid look, in the Material theme's colours. */
export const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  accentColor: 'var(--mat-sys-primary)',
  foregroundColor: 'var(--mat-sys-on-surface)',
  backgroundColor: 'var(--mat-sys-surface)',
  headerBackgroundColor: 'var(--mat-sys-surface-container)',
  headerTextColor: 'var(--mat-sys-on-surface)',
  borderColor: 'var(--mat-sys-outline-variant)',
  rowHeight: 44,
  headerHeight: 44,
  wrapperBorderRadius: 12,
});
