import { BadRequestException, Body, ConflictException, Controller, ForbiddenException, Get, Inject, NotFoundException, Param, Patch, Post } from '@nestjs/common';
import { CurrentViewer } from '../auth/viewer.decorator.ts';
import type { Viewer } from '../auth/viewer.ts';
import { UserExistsError, UserForbiddenError, UserInputError, UserNotFoundError, UsersService, type Manager } from '../services/users.service.ts';

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
    return translate(() => this.users.add(managerOf(viewer), { email, role, displayName, communities, password, temporaryPassword: true }));
  }

  /** `{displayName?, role?, communities?, disabled?}` */
  @Patch(':id')
  update(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: unknown) {
    return translate(() => this.users.update(managerOf(viewer), parseId(id), objectBody(body)));
  }

  @Post(':id/reset-password')
  resetPassword(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return translate(() => this.users.resetPassword(managerOf(viewer), parseId(id)));
  }
}

function managerOf(viewer: Viewer): Manager {
  return { actor: viewer.email, role: viewer.role, address: viewer.address, userId: viewer.userId };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestException('Send a JSON object.');
  return body as Record<string, unknown>;
}

function parseId(id: string): number {
  if (!/^\d{1,9}$/.test(id)) throw new BadRequestException('the account id must be a number');
  return Number(id);
}

async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserInputError) throw new BadRequestException(error.message);
    if (error instanceof UserNotFoundError) throw new NotFoundException(error.message);
    if (error instanceof UserForbiddenError) throw new ForbiddenException(error.message);
    if (error instanceof UserExistsError) throw new ConflictException(error.message);
    throw error;
  }
}
