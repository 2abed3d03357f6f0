import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { DomainError } from '../lib/domain-error.ts';
import { UsersService, type Manager } from '../services/users.service.ts';

@Controller('users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  /** Creates an account; the answer holds the one-time password when none was sent. */
  @Post()
  create(@CurrentViewer() viewer: Viewer, @Body() body: unknown) {
    const { email, role, displayName, communities, password } = objectBody(body);
    // Only these fields: a password set here is always one to change at first sign-in.
    return this.users.add(managerOf(viewer), { email, role, displayName, communities, password, temporaryPassword: true });
  }

  /** `{displayName?, role?, communities?, disabled?}` */
  @Patch(':id')
  update(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: unknown) {
    return this.users.update(managerOf(viewer), parseId(id), objectBody(body));
  }

  @Post(':id/reset-password')
  resetPassword(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.users.resetPassword(managerOf(viewer), parseId(id));
  }
}

function managerOf(viewer: Viewer): Manager {
  return { actor: viewer.email, role: viewer.role, address: viewer.address, userId: viewer.userId };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw DomainError.invalid('request.json_object', {});
  return body as Record<string, unknown>;
}

function parseId(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw DomainError.invalid('users.id_number', {});
  return Number(id);
}
