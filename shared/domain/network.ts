/** The Network rung: a congregation of congregations, where hosts learn from each other. */

export interface Network {
  id: string;
  name: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface NetworkCard {
  id: string;
  name: string;
  congregationCount: number;
  hostCount: number;
  practiceCount: number;
}

export interface NetworkHost {
  personId: string;
  name: string;
  /** True when the host is the person marked as me. */
  isMe: boolean;
  /** What I learn from them. */
  note: string;
}

export interface AdaptedPractice {
  id: string;
  networkId: string;
  name: string;
  /** The community or person it came from. */
  learnedFrom: string;
  /** How I changed it to fit here, rather than copying it. */
  howAdapted: string;
  updatedAt: string;
}

export interface NetworkDetail {
  network: Network;
  congregations: { id: string; name: string }[];
  hosts: NetworkHost[];
  practices: AdaptedPractice[];
}
