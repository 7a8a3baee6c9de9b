import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Api } from '../../core/api/generated/api';
import { activitiesControllerCreate } from '../../core/api/generated/fn/activities/activities-controller-create';
import { activitiesControllerGet } from '../../core/api/generated/fn/activities/activities-controller-get';
import { activitiesControllerUpdate } from '../../core/api/generated/fn/activities/activities-controller-update';
import { ActivityDto } from '../../core/api/generated/models/activity-dto';
import { CreateActivityDto } from '../../core/api/generated/models/create-activity-dto';
import { UpdateActivityDto } from '../../core/api/generated/models/update-activity-dto';
import { ifMatch } from '../../core/api/if-match';
import { RecordEditor, RecordEditorConfig } from '../../shared/record-form/record-editor';
import { UsersDirectory } from '../../shared/users-directory';
import { ACTIVITY_FORM, withInstants } from './activity-fields';

/** "Nova atividade": a call, meeting, task… created by hand; back to the list once saved. */
@Component({
  selector: 'app-activity-editor',
  imports: [RecordEditor],
  template: `<app-record-editor [config]="config" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityEditor {
  private readonly api = inject(Api);

  // Activities have no page of their own yet: saving goes back to the list, where it shows.
  protected readonly config: RecordEditorConfig<ActivityDto> = {
    fields: ACTIVITY_FORM,
    get: (id) => this.api.invoke(activitiesControllerGet, { id }),
    create: (body) =>
      this.api.invoke(activitiesControllerCreate, {
        body: withInstants(body) as unknown as CreateActivityDto,
      }),
    update: (id, version, body) =>
      this.api.invoke(activitiesControllerUpdate, {
        id,
        ...ifMatch(version),
        body: withInstants(body) as UpdateActivityDto,
      }),
    link: () => '/activities',
    listLink: '/activities',
    newTitle: 'activities.new',
    editTitle: 'activities.edit',
  };

  constructor() {
    inject(UsersDirectory).load();
  }
}
