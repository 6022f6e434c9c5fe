import WarraqCore
