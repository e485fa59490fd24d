import { z } from 'zod';
import type { AdaptedPractice, Network, NetworkCard, NetworkDetail } from '../domain/network';
import { read, write } from './define';
import { id, limits, requiredText, text } from './fields';

export const networkContract = {
  'networks.create': write(z.strictObject({ name: requiredText(limits.name), notes: text(limits.body).default('') })).returns<Network>(),
  'networks.update': write(z.strictObject({ id, name: requiredText(limits.name).optional(), notes: text(limits.body).optional() })).returns<Network>(),
  'networks.list': read(z.strictObject({})).returns<NetworkCard[]>(),
  'networks.get': read(z.strictObject({ id })).returns<NetworkDetail>(),
  'networks.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'networks.restore': write(z.strictObject({ id })).returns<Network>(),

  /** A congregation joins the network; one already there is refused (field `congregationId`). */
  'networks.addCongregation': write(z.strictObject({ networkId: id, congregationId: id })).returns<{ networkId: string; congregationId: string }>(),
  'networks.removeCongregation': write(z.strictObject({ networkId: id, congregationId: id })).returns<{ networkId: string; congregationId: string }>(),

  /** A host I learn from; adding them again updates the note. */
  'networks.addHost': write(z.strictObject({ networkId: id, personId: id, note: text(limits.shortText).default('') })).returns<{
    networkId: string;
    personId: string;
  }>(),
  'networks.removeHost': write(z.strictObject({ networkId: id, personId: id })).returns<{ networkId: string; personId: string }>(),

  'practices.add': write(
    z.strictObject({
      networkId: id,
      name: requiredText(limits.name),
      learnedFrom: text(limits.name).default(''),
      howAdapted: text(limits.body).default(''),
    }),
  ).returns<AdaptedPractice>(),
  'practices.update': write(
    z.strictObject({ id, name: requiredText(limits.name).optional(), learnedFrom: text(limits.name).optional(), howAdapted: text(limits.body).optional() }),
  ).returns<AdaptedPractice>(),
  'practices.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  /** Brings a deleted practice back (Undo); refused while its network is deleted. */
  'practices.restore': write(z.strictObject({ id })).returns<AdaptedPractice>(),
};
