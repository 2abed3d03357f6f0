import { Controller, Get, Inject, Patch, Post } from '@nestjs/common';
import { Access } from '../auth/access.decorator.ts';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { Contract, RouteBody, RouteParams, type BodyOf, type ParamsOf } from '../lib/route-contract.ts';
import { UsersService, type Manager } from '../services/users.service.ts';
import { usersContracts as contracts } from './users.contract.ts';

const managers = { director: 'full', admin: 'full' } as const;

@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @Access(managers)
  @Contract(contracts.list)
  list() {
    return this.users.list();
  }

  /** Creates an account; the answer holds the one-time password when none was sent. */
  @Post()
  @Access(managers)
  @Contract(contracts.create)
  create(@CurrentViewer() viewer: Viewer, @RouteBody() { email, role, displayName, communities, password }: BodyOf<typeof contracts.create>) {
    // Only these fields: a password set here is always one to change at first sign-in.
    return this.users.add(managerOf(viewer), { email, role, displayName, communities, password, temporaryPassword: true });
  }

  /** `{displayName?, role?, communities?, disabled?}` */
  @Patch(':id')
  @Access(managers)
  @Contract(contracts.update)
  update(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.update>, @RouteBody() changes: BodyOf<typeof contracts.update>) {
    return this.users.update(managerOf(viewer), id, changes);
  }

  @Post(':id/reset-password')
  @Access(managers)
  @Contract(contracts.resetPassword)
  resetPassword(@CurrentViewer() viewer: Viewer, @RouteParams() { id }: ParamsOf<typeof contracts.resetPassword>) {
    return this.users.resetPassword(managerOf(viewer), id);
  }
}

function managerOf(viewer: Viewer): Manager {
  return { actor: viewer.email, role: viewer.role, address: viewer.address, userId: viewer.userId };
}
