export * from './channels/index'
