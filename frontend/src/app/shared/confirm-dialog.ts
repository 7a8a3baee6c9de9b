import { ChangeDetectionStrategy, Component, inject, Injectable } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { map, Observable } from 'rxjs';

import { I18n } from '../core/i18n/i18n';

export interface ConfirmRequest {
  title: string;
  message: string;
  /** The verb on the confirm button ("Revogar", "Arquivar"): never a bare "OK". */
  confirm: string;
  /** `danger` (default) paints the confirm button red; `primary` is for actions that undo nothing. */
  tone?: 'danger' | 'primary';
}

/** Asks before an action that cannot be undone; Cancel has the initial focus. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" mat-dialog-close cdkFocusInitial>
        {{ i18n.t('common.cancel') }}
      </button>
      <button
        matButton="filled"
        [class.danger]="data.tone !== 'primary'"
        type="button"
        data-testid="confirm"
        [mat-dialog-close]="true"
      >
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    p {
      margin: 0;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmRequest>(MAT_DIALOG_DATA);
  protected readonly i18n = inject(I18n);
}

@Injectable({ providedIn: 'root' })
export class Confirm {
  private readonly dialog = inject(MatDialog);

  /** Emits true when the user confirms, false when they cancel or dismiss. */
  ask(request: ConfirmRequest): Observable<boolean> {
    return this.dialog
      .open(ConfirmDialog, { data: request, width: '420px', maxWidth: 'calc(100vw - 32px)' })
      .afterClosed()
      .pipe(map((result) => result === true));
  }
}
