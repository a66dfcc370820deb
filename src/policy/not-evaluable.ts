/** A policy too large or too hostile for the solver to answer about: rules report it as not evaluated, never as a pass. */
export class NotEvaluable extends Error {}
