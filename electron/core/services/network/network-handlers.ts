import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createNetworkService } from './network-service';

export function createNetworkHandlers(archive: Archive, clock: Clock) {
  const networks = createNetworkService(archive.db, clock);
  return {
    'networks.create': networks.create,
    'networks.update': networks.update,
    'networks.list': networks.list,
    'networks.get': networks.get,
    'networks.delete': networks.delete,
    'networks.restore': networks.restore,
    'networks.addCongregation': networks.addCongregation,
    'networks.removeCongregation': networks.removeCongregation,
    'networks.addHost': networks.addHost,
    'networks.removeHost': networks.removeHost,
    'practices.add': networks.addPractice,
    'practices.update': networks.updatePractice,
    'practices.delete': networks.deletePractice,
    'practices.restore': networks.restorePractice,
  } satisfies Partial<Handlers>;
}
