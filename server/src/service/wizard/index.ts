// The "Choose Workload Type" wizard without the UI: answers → manifest, the validators, the
// steps a UI walks through, and where the manifest goes in a file.
export {
  WIZARD_PATTERN_IDS,
  WizardInputError,
  type AnswerProblem,
  type ConcurrencyPolicy,
  type WizardAnswers,
  type WizardPatternId,
} from './types';
export { defaultAnswers, generateManifest, KIND_DEFAULTS, KIND_FIELDS, validateAnswers } from './generate';
export { PATTERN_SHAPES, wizardPatternsFor } from './patterns';
export {
  checkSchedule,
  MAX_NAME_LENGTH,
  validateImage,
  validateName,
  validatePort,
  validatePositiveInteger,
  validateSchedule,
  validateStorageClass,
  validateStorageSize,
  type ScheduleCheck,
} from './validate';
export {
  answersWithDefaults,
  kindInputs,
  maxInputCount,
  maxQuestionsFrom,
  maxStepsFrom,
  timeZoneItems,
  type InputOptions,
  questionPick,
  resultPick,
  WIZARD_ROOT,
  type PickInput,
  type TextInput,
  type WizardInput,
} from './flow';
export { planInsertion, type Insertion } from './insert';
export { runWizard, WIZARD_TITLE, type InputStep, type PickStep, type StepOutcome, type WizardUI } from './runner';
